using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KpiBot.Core.Chat;
using KpiBot.Teams.Activities;

namespace KpiBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API: send, reply, update, open a 1:1 conversation, list members. 429, 412, 502,
/// 503, 504 and network failures are retried with bounded, jittered back-off honouring Retry-After; 403
/// and 404 mean the person or conversation cannot be reached and are not retried; a send or reply left
/// unanswered past the client's timeout is Unknown and never repeated (it may have been posted). Never throws for a
/// platform's refusal: it returns a <see cref="SendOutcome"/>. Service URLs come from the conversation
/// address, which only authenticated inbound activities fill. Only HTTPS service URLs are called, except in
/// the Emulator mode (<paramref name="allowHttpServiceUrls"/>), whose connector is http://localhost.
/// </summary>
public sealed class BotConnectorClient(HttpClient http, IBotTokenProvider tokens, TeamsOptions options, TimeProvider time, bool allowHttpServiceUrls = false)
{
    /// <summary>Members asked for per page (the connector allows 50 to 500).</summary>
    public const int MemberPageSize = 200;

    private static readonly HashSet<HttpStatusCode> Retried =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    public async Task<SendOutcome> SendAsync(ConversationAddress conversation, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var result = await CallAsync(HttpMethod.Post, Url(conversation, "activities"), activity, TeamsJsonContext.Default.OutgoingActivity, TeamsJsonContext.Default.ResourceResponse, cancellationToken, repeatable: false).ConfigureAwait(false);
        return Delivered(conversation, result);
    }

    public async Task<SendOutcome> ReplyAsync(ConversationAddress conversation, string replyToId, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var result = await CallAsync(HttpMethod.Post, Url(conversation, "activities/" + Uri.EscapeDataString(replyToId)), activity, TeamsJsonContext.Default.OutgoingActivity, TeamsJsonContext.Default.ResourceResponse, cancellationToken, repeatable: false).ConfigureAwait(false);
        return Delivered(conversation, result);
    }

    /// <summary>Replaces a message the bot sent (the prompt card becomes the receipt).</summary>
    public async Task<SendOutcome> UpdateAsync(MessageRef message, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = await CallAsync(HttpMethod.Put, Url(message.Conversation, "activities/" + Uri.EscapeDataString(message.MessageId)), activity, TeamsJsonContext.Default.OutgoingActivity, TeamsJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false);
        return result.Failure ?? new SendOutcome.Delivered(message);
    }

    /// <summary>Opens (or finds) the 1:1 conversation with a user of a tenant, for proactive prompts; the app must be installed for them.</summary>
    public async Task<ConnectorResult<ConversationAddress>> CreatePersonalConversationAsync(string? serviceUrl, string tenantId, string userId, CancellationToken cancellationToken)
    {
        var baseUrl = BaseUrl(serviceUrl);
        var parameters = new ConversationParameters(false, [new ChannelAccount { Id = userId }], tenantId, new ConversationChannelData(new TeamsIdentifier { Id = tenantId }));
        var result = await CallAsync(HttpMethod.Post, new Uri(baseUrl, "v3/conversations"), parameters, TeamsJsonContext.Default.ConversationParameters, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            return ConnectorResult<ConversationAddress>.Failed(failure);
        }

        return result.Value?.Id is { Length: > 0 } id
            ? ConnectorResult<ConversationAddress>.Of(new ConversationAddress(Platforms.Teams, tenantId, id, baseUrl.AbsoluteUri))
            : ConnectorResult<ConversationAddress>.Failed(new SendOutcome.Transient("no conversation id"));
    }

    /// <summary>The members of a conversation or team, with email and UPN, to match people to the goals file.</summary>
    public async Task<ConnectorResult<List<ChannelAccount>>> GetMembersAsync(ConversationAddress conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return await CallAsync<object, List<ChannelAccount>>(HttpMethod.Get, Url(conversation, "members"), null, null, TeamsJsonContext.Default.ListChannelAccount, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of a team's or conversation's members (<c>GET …/pagedmembers</c>); pass the page's
    /// continuation token to get the next, until it is null.
    /// </summary>
    public async Task<ConnectorResult<PagedMembersResult>> GetMembersPageAsync(ConversationAddress conversation, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var query = "pagedmembers?pageSize=" + MemberPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (continuationToken is { Length: > 0 } ? "&continuationToken=" + Uri.EscapeDataString(continuationToken) : "");
        return await CallAsync<object, PagedMembersResult>(HttpMethod.Get, Url(conversation, query), null, null, TeamsJsonContext.Default.PagedMembersResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One member of a conversation or team, with email and UPN (someone who just joined).</summary>
    public async Task<ConnectorResult<ChannelAccount>> GetMemberAsync(ConversationAddress conversation, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return await CallAsync<object, ChannelAccount>(HttpMethod.Get, Url(conversation, "members/" + Uri.EscapeDataString(userId)), null, null, TeamsJsonContext.Default.ChannelAccount, cancellationToken).ConfigureAwait(false);
    }

    private static SendOutcome Delivered(ConversationAddress conversation, ConnectorResult<ResourceResponse> result) =>
        result.Failure ?? new SendOutcome.Delivered(new MessageRef(conversation, result.Value?.Id ?? ""));

    private Uri BaseUrl(string? serviceUrl)
    {
        var url = serviceUrl is { Length: > 0 } ? new Uri(serviceUrl) : options.DefaultServiceUrl;
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private Uri Url(ConversationAddress conversation, string rest) =>
        new(BaseUrl(conversation.ServiceUrl), $"v3/conversations/{Uri.EscapeDataString(conversation.ConversationId)}/{rest}");

    /// <summary>
    /// One call with bounded retries. A call that is not <paramref name="repeatable"/> (sending an activity: the
    /// connector takes no idempotency key) left unanswered past the client's timeout may have been carried out, so
    /// it is not repeated: it ends <see cref="SendOutcome.Unknown"/> by the engine's one rule
    /// (<see cref="SendOutcome.NoAnswerInTime"/>), as on Slack.
    /// </summary>
    private async Task<ConnectorResult<TResponse>> CallAsync<TBody, TResponse>(
        HttpMethod method, Uri url, TBody? body, JsonTypeInfo<TBody>? bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken,
        bool repeatable = true)
        where TResponse : class
    {
        if (url.Scheme != Uri.UriSchemeHttps && !(allowHttpServiceUrls && url.Scheme == Uri.UriSchemeHttp))
        {
            return ConnectorResult<TResponse>.Failed(new SendOutcome.Unreachable("service URL is not HTTPS"));
        }

        SendOutcome failure = new SendOutcome.Transient("not attempted");
        for (var attempt = 1; attempt <= Math.Max(1, options.ConnectorMaxAttempts); attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                if (token.Length > 0)
                {
                    // Empty only from the Emulator mode's provider: the Emulator without an app id takes no token.
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (body is not null && bodyType is not null)
                {
                    request.Content = JsonContent.Create(body, bodyType);
                }

                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    // Done: whatever the body, the call is never repeated (a repeat would send twice).
                    return ConnectorResult<TResponse>.Of((await ReadAsync(response, responseType, cancellationToken).ConfigureAwait(false))!);
                }

                var code = await ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    return ConnectorResult<TResponse>.Failed(new SendOutcome.Unreachable($"{status} {code}".TrimEnd()));
                }

                if (!Retried.Contains(response.StatusCode))
                {
                    return ConnectorResult<TResponse>.Failed(new SendOutcome.Transient($"{status} {code}".TrimEnd()));
                }

                retryAfter = RetryAfter(response);
                failure = response.StatusCode == HttpStatusCode.TooManyRequests
                    ? new SendOutcome.RateLimited(retryAfter ?? Backoff(attempt))
                    : new SendOutcome.Transient($"{status} {code}".TrimEnd());
                if (retryAfter > options.ConnectorMaxRetryDelay)
                {
                    return ConnectorResult<TResponse>.Failed(failure);
                }
            }
            catch (Exception e) when (!repeatable && SendOutcome.NoAnswerInTime(e, cancellationToken) is { } unknown)
            {
                return ConnectorResult<TResponse>.Failed(unknown);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = new SendOutcome.Transient(e.GetType().Name);
            }

            if (attempt < options.ConnectorMaxAttempts)
            {
                await Task.Delay(retryAfter ?? Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }

        return ConnectorResult<TResponse>.Failed(failure);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Exponential back-off with jitter: a random delay between half and all of base × 2^(attempt−1), capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.ConnectorRetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), options.ConnectorMaxRetryDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
            return error?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
