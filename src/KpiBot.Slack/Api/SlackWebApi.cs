using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace KpiBot.Slack.Api;

/// <summary>
/// One Web API call, whatever the credential (bot token, app token, client id and secret): POST to
/// <c>{ApiBaseUrl}{method}</c> with the credential in the Authorization header only, then 429 →
/// <see cref="SlackRateLimitedException"/> with Retry-After, any other non-200 or unreadable answer →
/// <see cref="SlackApiException"/>, and <c>ok:false</c> → <see cref="SlackApiException"/> with Slack's error.
/// </summary>
internal static class SlackWebApi
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public static async Task<T> CallAsync<T>(
        HttpClient http,
        Uri apiBaseUrl,
        string method,
        HttpContent content,
        AuthenticationHeaderValue credential,
        JsonTypeInfo<T> answerType,
        CancellationToken ct)
        where T : ApiResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = credential;
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

        return answer.Ok ? answer : throw new SlackApiException(answer.Error ?? "unknown_error", method);
    }
}
