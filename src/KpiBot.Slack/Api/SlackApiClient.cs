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
public sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ISlackTokenSource tokens, SlackChannelPacer? pacer = null)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>Posts a message; returns its channel and ts (to update it later).</summary>
    public async Task<(string Channel, string Ts)> PostMessageAsync(string teamId, string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (pacer is not null)
        {
            await pacer.WaitTurnAsync(channel, ct).ConfigureAwait(false);
        }

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

    /// <summary>
    /// Shares a file in a channel the way Slack asks (needs <c>files:write</c>): files.getUploadURLExternal for an
    /// upload URL and a file id, the bytes POSTed to that URL (no token: the URL is the credential; HTTPS only, or
    /// the fake's loopback), then files.completeUploadExternal with the file's title, <c>channel_id</c> and the
    /// message beside it. Only the last call shares anything: a failure before it leaves nothing in the channel; no
    /// answer in time to the last one throws <see cref="TimeoutException"/> (it may have been shared).
    /// </summary>
    public async Task<string> UploadFileAsync(string teamId, string channel, string fileName, byte[] content, string title, string altText, string comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using (var ask = new FormUrlEncodedContent([
            new KeyValuePair<string, string>("filename", fileName),
            new KeyValuePair<string, string>("length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("alt_txt", altText)]))
        {
            var url = await CallAsync(teamId, "files.getUploadURLExternal", ask, SlackJsonContext.Default.UploadUrlResponse, ct).ConfigureAwait(false);
            var uploadUrl = Uri.TryCreate(url.UploadUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.IsLoopback)
                ? u : throw new SlackApiException("invalid_upload_url", "files.getUploadURLExternal");
            var fileId = url.FileId ?? throw new SlackApiException("missing_file_id", "files.getUploadURLExternal");
            await UploadBytesAsync(uploadUrl, fileName, content, ct).ConfigureAwait(false);
            var files = System.Text.Json.JsonSerializer.Serialize(new List<UploadedFile> { new(fileId, title) }, SlackJsonContext.Default.ListUploadedFile);
            using var complete = new FormUrlEncodedContent([
                new KeyValuePair<string, string>("files", files),
                new KeyValuePair<string, string>("channel_id", channel),
                new KeyValuePair<string, string>("initial_comment", comment)]);
            try
            {
                await CallAsync(teamId, "files.completeUploadExternal", complete, SlackJsonContext.Default.ApiResponse, ct).ConfigureAwait(false);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                // Slack may have shared it without answering in time: the caller must not share it again.
                throw new TimeoutException("files.completeUploadExternal did not answer in time; the file may have been shared", e);
            }

            return fileId;
        }
    }

    private async Task UploadBytesAsync(Uri uploadUrl, string fileName, byte[] content, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "filename", fileName);
        using var response = await http.PostAsync(uploadUrl, form, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackRateLimitedException("file_upload", response.Headers.RetryAfter?.Delta ?? DefaultRetryAfter);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException($"http_{(int)response.StatusCode}", "file_upload");
        }
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
    public async Task<string?> LookupUserByEmailAsync(string teamId, string email, CancellationToken ct) =>
        (await FindUserByEmailAsync(teamId, email, ct).ConfigureAwait(false))?.Id;

    /// <summary>
    /// The Slack user with this email and their profile (time zone, locale, whether a bot or deactivated), or
    /// null when the workspace has none (<c>users_not_found</c>). Tier 3 (about 50 a minute): prefer the
    /// directory sync (<see cref="ListUsersAsync"/>).
    /// </summary>
    public async Task<SlackUserInfo?> FindUserByEmailAsync(string teamId, string email, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("email", email)]);
        try
        {
            var answer = await CallAsync(teamId, "users.lookupByEmail", form, SlackJsonContext.Default.UserResponse, ct).ConfigureAwait(false);
            return answer.User;
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            return null;
        }
    }

    /// <summary>
    /// The workspace's users, one page (<see cref="UsersPageSize"/>) at a time, following Slack's cursor, so the
    /// caller never holds the whole directory. users.list is Tier 2 (about 20 pages a minute): a 429 is waited
    /// out (its Retry-After, at most <see cref="MaxRetryWait"/>) and the same page asked again, up to
    /// <see cref="MaxRetriesPerPage"/> times in a row; then the <see cref="SlackRateLimitedException"/> is thrown.
    /// Needs <c>users:read</c> (and <c>users:read.email</c> for the emails).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<SlackUserInfo>> ListUsersAsync(string teamId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var answer = await UsersPageAsync(teamId, cursor, ct).ConfigureAwait(false);
            yield return answer.Members ?? [];
            cursor = answer.ResponseMetadata?.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    /// <summary>Users per users.list page (Slack recommends at most 200).</summary>
    public const int UsersPageSize = 200;

    /// <summary>Consecutive 429s waited out for one users.list page before giving up.</summary>
    public const int MaxRetriesPerPage = 5;

    /// <summary>The longest single wait for a Retry-After.</summary>
    public static readonly TimeSpan MaxRetryWait = TimeSpan.FromMinutes(2);

    private async Task<UsersListResponse> UsersPageAsync(string teamId, string? cursor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            List<KeyValuePair<string, string>> fields = [new("limit", UsersPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            if (cursor is not null)
            {
                fields.Add(new("cursor", cursor));
            }

            using var form = new FormUrlEncodedContent(fields);
            try
            {
                return await CallAsync(teamId, "users.list", form, SlackJsonContext.Default.UsersListResponse, ct).ConfigureAwait(false);
            }
            catch (SlackRateLimitedException e) when (attempt < MaxRetriesPerPage)
            {
                await Task.Delay(e.RetryAfter < MaxRetryWait ? e.RetryAfter : MaxRetryWait, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The workspace (team id) and bot of the configured <c>Slack:BotToken</c> (auth.test with that token),
    /// or null when none is configured: the single workspace a setup without OAuth talks to.
    /// </summary>
    public async Task<string?> ConfiguredTeamAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Value.BotToken))
        {
            return null;
        }

        using var empty = new FormUrlEncodedContent([]);
        var answer = await CallWithTokenAsync(options.Value.BotToken, "auth.test", empty, SlackJsonContext.Default.AuthTestResponse, ct).ConfigureAwait(false);
        return answer.TeamId ?? throw new SlackApiException("missing_team_id", "auth.test");
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

        return await CallWithTokenAsync(token, method, content, answerType, ct).ConfigureAwait(false);
    }

    private Task<T> CallWithTokenAsync<T>(string token, string method, HttpContent content, JsonTypeInfo<T> answerType, CancellationToken ct)
        where T : ApiResponse =>
        SlackWebApi.CallAsync(http, options.Value.ApiBaseUrl, method, content, new AuthenticationHeaderValue("Bearer", token), answerType, ct);
}
