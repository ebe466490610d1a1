using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KpiBot.Slack;
using KpiBot.Slack.Handling;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests.Slack;

/// <summary>
/// The real KpiBot host with Slack configured over HTTP (signing secret, bot token, the Web API at a fake on
/// 127.0.0.1) on a test database, its clock a shared fake; requests are signed here as Slack signs them.
/// </summary>
internal sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Team = "T0SAMPLE";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    private SlackHost(WebApplicationFactory<Program> factory, FakeSlackApi slack, FakeTimeProvider time)
    {
        _factory = factory;
        _client = factory.CreateClient();
        Slack = slack;
        Time = time;
    }

    public FakeSlackApi Slack { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the host. <paramref name="signingSecret"/> null leaves <c>Slack:SigningSecret</c> unset;
    /// <paramref name="dispatch"/> false starts it without the minutely dispatcher, so only what the test itself
    /// sends is sent (a minute turning on a loaded machine would otherwise send what falls due then);
    /// <paramref name="configure"/> runs last, before the host starts (more settings, test services, fake answers).
    /// </summary>
    public static async Task<SlackHost> StartAsync(
        TestDatabase db, DateTimeOffset now, string? signingSecret = Secret, Action<IWebHostBuilder, FakeSlackApi>? configure = null, bool dispatch = true)
    {
        var slack = await FakeSlackApi.StartAsync();
        var time = new FakeTimeProvider(now);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in db.Settings)
            {
                b.UseSetting(key, value);
            }

            if (signingSecret is not null)
            {
                b.UseSetting("Slack:SigningSecret", signingSecret);
            }

            b.UseSetting("Slack:BotToken", "xoxb-e2e");
            b.UseSetting("Slack:ApiBaseUrl", slack.BaseUrl.ToString());
            b.UseSetting("Jobs:WorkerCount", "2");
            b.UseSetting("Jobs:PollInterval", "00:00:00.500");
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                if (!dispatch)
                {
                    s.RemoveRecurringJobs();
                }
            });
            configure?.Invoke(b, slack);
        });
        return new SlackHost(factory, slack, time);
    }

    /// <summary>Posts <paramref name="body"/> to /slack/events signed with the secret at <paramref name="timestamp"/> (default: now on the host's clock).</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string contentType, long? timestamp = null, string? signature = null)
    {
        var ts = timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/events", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", signature ?? SlackPayloads.Sign(Secret, ts, body));
        return _client.SendAsync(request);
    }

    /// <summary>Sends a request as it is (the hostile-input corpus builds its own).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    public Task<HttpResponseMessage> FormAsync(string form) => PostAsync(form, "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> JsonAsync(string json) => PostAsync(json, "application/json");

    /// <summary>A slash command; returns what the user sees first (the ack's answer, else the first response_url post).</summary>
    public async Task<string> SlashAsync(string user, string channel, string text, string channelName = "directmessage")
    {
        var before = Slack.Of("response_url").Count;
        var response = await FormAsync(SlackPayloads.Slash(Team, user, channel, text, Slack.ResponseUrl, channelName));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await response.Content.ReadAsStringAsync();
        await SettleAsync();
        return ack.Length > 0
            ? JsonNode.Parse(ack)!["text"]!.GetValue<string>()
            : Slack.Of("response_url")[before].Json["text"]!.GetValue<string>();
    }

    /// <summary>Sato, the sales team's lead (U0SATO, sato@example.co.jp), is in the workspace.</summary>
    public void AddSato() => Slack.AddUser("U0SATO", "sato@example.co.jp");

    /// <summary>Sato's slash command in her direct message with the bot; what she sees first (see <see cref="SlashAsync"/>).</summary>
    public Task<string> SatoAsync(string text) => SlashAsync("U0SATO", "D0SATO", text);

    /// <summary>
    /// Emily (U0EMILY, New York, English) and her lead Sato (U0SATO) are in the workspace; Sato's <c>start</c> sends
    /// the prompts, and Emily opens her daily prompt's check-in modal (on a Friday, the team's weekly day, she also
    /// gets the weekly prompt; the daily one is used). Returns the modal's private_metadata, for a submission.
    /// </summary>
    public async Task<string> OpenEmilysDailyCheckInAsync()
    {
        Slack.AddUser("U0EMILY", "emily.carter@example.com", "America/New_York", "en-US");
        AddSato();
        await SatoAsync("start");
        var prompt = Assert.Single(Slack.Of("chat.postMessage"),
            c => c.Json["channel"]!.GetValue<string>() == "DU0EMILY" && c.Body.Contains("DailyPrompt:emily", StringComparison.Ordinal));
        var ts = $"1700000000.{Slack.Of("chat.postMessage").ToList().IndexOf(prompt) + 1:D6}";
        await FormAsync(SlackPayloads.Button(Team, "U0EMILY", "DU0EMILY", ts, SlackIds.OpenCheckIn, SlackPayloads.FirstButtonValue(prompt.Json)));
        return Assert.Single(Slack.Of("views.open")).Json["view"]!["private_metadata"]!.GetValue<string>();
    }

    /// <summary>Waits until the Slack work queue is empty and no delivery is pending or being sent.</summary>
    public async Task SettleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var queue = Services.GetRequiredService<KpiBot.Core.Inbound.IInboundQueue>();
        while (queue.Pending > 0 || await InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().Deliveries
                   .AnyAwaitingWorkerAsync(timeout.Token)))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
