using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Json;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Api;

/// <summary>
/// The Slack Web API calls the bot makes, against <see cref="SlackOptions.ApiBaseUrl"/> with the bot token of
/// the workspace (<c>teamId</c>, from <see cref="ISlackTokenSource"/>) in the Authorization header only (never
/// logged, never in a URL); a workspace without a token fails with <c>not_configured</c>. Every answer's <c>ok</c> is checked:
/// <c>ok:false</c> throws <see cref="SlackApiException"/>, 429 throws <see cref="SlackRateLimitedException"/>
/// with Slack's Retry-After; retrying is the caller's decision (the delivery job reschedules).
/// </summary>
public sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ISlackTokenSource tokens)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Posts a message; returns its channel and ts (to update it later).</summary>
    public async Task<(string Channel, string Ts)> PostMessageAsync(string teamId, string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new PostMessageRequest(channel, message.Text, message.Blocks, threadTs);
        var answer = await CallAsync(teamId, "chat.postMessage", JsonContent.Create(body, SlackJsonContext.Default.PostMessageRequest), SlackJsonContext.Default.MessageResponse, ct).ConfigureAwait(false);
        return (answer.Channel ?? channel, answer.Ts ?? throw new SlackApiException("missing_ts", "chat.postMessage"));
    }

    public async Task UpdateMessageAsync(string teamId, string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new UpdateMessageRequest(channel, ts, message.Text, message.Blocks);
        await CallAsync(teamId, "chat.update", JsonContent.Create(body, SlackJsonContext.Default.UpdateMessageRequest), SlackJsonContext.Default.MessageResponse, ct).ConfigureAwait(false);
    }

    /// <summary>A message only <paramref name="user"/> sees in <paramref name="channel"/> (not kept in history, cannot be updated).</summary>
    public async Task PostEphemeralAsync(string teamId, string channel, string user, SlackMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new PostEphemeralRequest(channel, user, message.Text, message.Blocks);
        await CallAsync(teamId, "chat.postEphemeral", JsonContent.Create(body, SlackJsonContext.Default.PostEphemeralRequest), SlackJsonContext.Default.ApiResponse, ct).ConfigureAwait(false);
    }

    /// <summary>The bot's own ids in the workspace, to ignore its messages and strip its mention.</summary>
    public async Task<SlackBotIdentity> AuthTestAsync(string teamId, CancellationToken ct)
    {
        using var empty = new FormUrlEncodedContent([]);
        var answer = await CallAsync(teamId, "auth.test", empty, SlackJsonContext.Default.AuthTestResponse, ct).ConfigureAwait(false);
        return new SlackBotIdentity(answer.UserId ?? throw new SlackApiException("missing_user_id", "auth.test"), answer.BotId);
    }

    /// <summary>A user's profile: time zone (IANA) and locale, used when the goals file gives none (needs <c>users:read</c>).</summary>
    public async Task<SlackUserInfo> UserInfoAsync(string teamId, string userId, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("user", userId), new KeyValuePair<string, string>("include_locale", "true")]);
        var answer = await CallAsync(teamId, "users.info", form, SlackJsonContext.Default.UserResponse, ct).ConfigureAwait(false);
        return answer.User ?? throw new SlackApiException("missing_user", "users.info");
    }

    /// <summary>Opens (or finds) the bot's DM with a user; returns its channel id.</summary>
    public async Task<string> OpenConversationAsync(string teamId, string userId, CancellationToken ct)
    {
        var body = new ConversationsOpenRequest(userId);
        var answer = await CallAsync(teamId, "conversations.open", JsonContent.Create(body, SlackJsonContext.Default.ConversationsOpenRequest), SlackJsonContext.Default.ConversationsOpenResponse, ct).ConfigureAwait(false);
        return answer.Channel?.Id ?? throw new SlackApiException("missing_channel", "conversations.open");
    }

    /// <summary>Opens a modal; the trigger id is valid for 3 seconds after the click.</summary>
    public async Task OpenViewAsync(string teamId, string triggerId, ModalView view, CancellationToken ct)
    {
        var body = new ViewsOpenRequest(triggerId, view);
        await CallAsync(teamId, "views.open", JsonContent.Create(body, SlackJsonContext.Default.ViewsOpenRequest), SlackJsonContext.Default.ApiResponse, ct).ConfigureAwait(false);
    }

    /// <summary>The Slack user with this email, or null when there is none (needs <c>users:read.email</c>).</summary>
    public async Task<string?> LookupUserByEmailAsync(string teamId, string email, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("email", email)]);
        try
        {
            var answer = await CallAsync(teamId, "users.lookupByEmail", form, SlackJsonContext.Default.UserResponse, ct).ConfigureAwait(false);
            return answer.User?.Id;
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            return null;
        }
    }

    /// <summary>
    /// Answers through an interaction's or slash command's <c>response_url</c> (no token: the URL is the
    /// credential, valid 30 minutes for 5 answers). Only HTTPS URLs are called, and the fake's loopback address.
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, ResponseMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        if (responseUrl.Scheme != Uri.UriSchemeHttps && !responseUrl.IsLoopback)
        {
            throw new SlackApiException("invalid_response_url", "response_url");
        }

        using var content = JsonContent.Create(message, SlackJsonContext.Default.ResponseMessage);
        using var response = await http.PostAsync(responseUrl, content, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackRateLimitedException("response_url", response.Headers.RetryAfter?.Delta ?? DefaultRetryAfter);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException($"http_{(int)response.StatusCode}", "response_url");
        }
    }

    private async Task<T> CallAsync<T>(string teamId, string method, HttpContent content, JsonTypeInfo<T> answerType, CancellationToken ct)
        where T : ApiResponse
    {
        var token = await tokens.BotTokenAsync(teamId, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiException("not_configured", method);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackRateLimitedException(method, response.Headers.RetryAfter?.Delta ?? DefaultRetryAfter);
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SlackApiException($"http_{(int)response.StatusCode}", method);
        }

        T? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(answerType, ct).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new SlackApiException("invalid_response", method);
        }

        if (answer is null)
        {
            throw new SlackApiException("invalid_response", method);
        }

        if (!answer.Ok)
        {
            throw new SlackApiException(answer.Error ?? "unknown_error", method);
        }

        return answer;
    }
}
