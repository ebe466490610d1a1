using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KpiBot.Host.Tests.Slack;
using KpiBot.Slack;
using KpiBot.Slack.People;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Hostile;

/// <summary>
/// The hostile-input corpus for <c>/slack/events</c> on the real host, each a test case named "Slack NN …":
/// forged, stale, future, tampered and replayed requests, bodies over the limit, malformed JSON and forms, wrong
/// content types, and requests Slack signed for a workspace KpiBot does not serve. Each asserts the status code, that nothing was stored or sent, and that the host still answers.
/// The signature check itself is unit-tested in KpiBot.Slack.Tests; this is the same corpus through the whole host.
/// </summary>
public sealed class HostileSlackRequestTests(HostileSlackRequestTests.Fixture host) : IClassFixture<HostileSlackRequestTests.Fixture>
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Emily = "U0EMILY";
    private const string OtherWorkspace = "T0OTHERORG";
    private const string Card = "{\"o\":\"DailyPrompt:emily:2026-11-27\",\"d\":\"2026-11-27\",\"v\":1,\"p\":\"emily\"}";
    private const string ModalCard = "{\"o\":\"DailyPrompt:emily:2026-11-27\",\"d\":\"2026-11-27\",\"v\":1,\"p\":\"emily\",\"c\":\"DU0EMILY\",\"t\":\"1700000000.000001\"}";

    public static TheoryData<string> Cases => [.. Corpus.Keys];

    private static string Message => SlackPayloads.Event(SlackHost.Team, "Ev-" + Guid.NewGuid().ToString("N"), Emily, "D0EMILY", "help");

    private static string Slash => SlackPayloads.Slash(SlackHost.Team, Emily, "D0EMILY", "checkin 12");

    private static readonly Dictionary<string, Func<Fixture, HttpRequestMessage>> Corpus = new()
    {
        ["Slack 01 signed with another secret → 401"] = f => f.Signed(Message, "application/json", secret: "not-the-secret"),
        ["Slack 02 no signature → 401"] = f => f.Signed(Message, "application/json", unsigned: true),
        ["Slack 03 empty signature → 401"] = f => f.Signed(Message, "application/json", signature: ""),
        ["Slack 04 no timestamp → 401"] = f => f.Signed(Message, "application/json", noTimestamp: true),
        ["Slack 05 timestamp 6 minutes old → 401"] = f => f.Signed(Message, "application/json", offset: -360),
        ["Slack 06 timestamp 6 minutes ahead → 401"] = f => f.Signed(Message, "application/json", offset: 360),
        ["Slack 07 timestamp not a number → 401"] = f => f.Signed(Message, "application/json", timestampText: "yesterday"),
        ["Slack 08 signature of another version (v1=) → 401"] = f => f.Signed(Message, "application/json", rewrite: s => "v1=" + s[3..]),
        ["Slack 09 signature not hex → 401"] = f => f.Signed(Message, "application/json", rewrite: s => "v0=" + new string('z', 64)),
        ["Slack 10 signature one digit off → 401"] = f => f.Signed(Message, "application/json", rewrite: s => s[..^1] + (s[^1] == '0' ? '1' : '0')),
        ["Slack 11 body changed after signing → 401"] = f => f.Signed(Message, "application/json", tamper: b => b.Replace("help", "status", StringComparison.Ordinal)),
        ["Slack 12 a signed request replayed 10 minutes later → 401"] = f => f.Signed(Slash, "application/x-www-form-urlencoded", offset: -600),
        ["Slack 13 signature for a slash command on an event body → 401"] = f => f.Signed(Message, "application/json", signFor: Slash),
        ["Slack 14 body of 1 MB → 413"] = f => f.Signed(Message[..^1] + ",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}", "application/json"),
        ["Slack 15 body of 20 MB → 413"] = f => f.Signed(Message[..^1] + ",\"pad\":\"" + new string('x', 20 * 1024 * 1024) + "\"}", "application/json"),
        ["Slack 16 malformed JSON → 400"] = f => f.Signed("{\"type\":\"event_callback\",\"event\":", "application/json"),
        ["Slack 17 a JSON array → 400"] = f => f.Signed("[1,2,3]", "application/json"),
        ["Slack 18 empty JSON body → 400"] = f => f.Signed("", "application/json"),
        ["Slack 19 JSON nested 10,000 deep → 400"] = f => f.Signed("{\"type\":\"event_callback\",\"event\":" + new string('[', 10_000) + new string(']', 10_000) + "}", "application/json"),
        ["Slack 20 slash command without a user → 400"] = f => f.Signed("command=%2Fkpi&text=help&team_id=T0SAMPLE", "application/x-www-form-urlencoded"),
        ["Slack 21 form with broken percent escapes → 400"] = f => f.Signed("command=%2Fkpi&text=%E3%8&user_id=%ZZ", "application/x-www-form-urlencoded"),
        ["Slack 22 interaction payload that is not JSON → 400"] = f => f.Signed("payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        ["Slack 23 JSON sent as text/plain → 400"] = f => f.Signed(Message, "text/plain"),
        ["Slack 24 multipart form → 400"] = f => f.Signed("--b\r\nContent-Disposition: form-data; name=\"command\"\r\n\r\n/kpi\r\n--b--\r\n", "multipart/form-data; boundary=b"),
        ["Slack 25 event with an unknown type → 200 ignored"] = f => f.Signed("{\"type\":\"event_callback\",\"team_id\":\"T0SAMPLE\",\"event_id\":\"EvX\",\"event\":{\"type\":\"reaction_added\",\"user\":\"U0EMILY\"}}", "application/json"),
        ["Slack 27 message event from a workspace KpiBot does not serve → 403"] = f => f.Signed(SlackPayloads.Event(OtherWorkspace, "Ev-" + Guid.NewGuid().ToString("N"), Emily, "D0EMILY", "status"), "application/json"),
        ["Slack 28 slash command status from another workspace → 403"] = f => f.Signed(SlackPayloads.Slash(OtherWorkspace, "U0SATO", "D0SATO", "status"), "application/x-www-form-urlencoded"),
        ["Slack 29 check-in button from another workspace → 403"] = f => f.Signed(SlackPayloads.Button(OtherWorkspace, Emily, "DU0EMILY", "1700000000.000001", SlackIds.OpenCheckIn, Card), "application/x-www-form-urlencoded"),
        ["Slack 30 check-in modal submitted from another workspace → 403"] = f => f.Signed(SlackPayloads.Submission(OtherWorkspace, Emily, ModalCard, new Dictionary<string, string?> { ["kdi:daily-calls"] = "20" }), "application/x-www-form-urlencoded"),
        ["Slack 31 app_uninstalled from another workspace → 403"] = f => f.Signed("{\"type\":\"event_callback\",\"team_id\":\"" + OtherWorkspace + "\",\"event_id\":\"EvGone\",\"event\":{\"type\":\"app_uninstalled\"}}", "application/json"),
        ["Slack 26 a bot's own message → 200 ignored"] = f => f.Signed(SlackPayloads.Event(SlackHost.Team, "EvBot", Emily, "D0EMILY", "help").Replace("\"user\":", "\"bot_id\":\"B1\",\"user\":", StringComparison.Ordinal), "application/json"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_NothingStored_HostStillAnswers(string name)
    {
        var expected = (HttpStatusCode)int.Parse(name[(name.LastIndexOf('→') + 2)..][..3], CultureInfo.InvariantCulture);
        var before = await StoredRows.ReadAsync(host.Host.Services);
        var calls = host.Host.Slack.Calls.Count;

        using var request = Corpus[name](host);
        using var response = await host.Host.SendAsync(request);
        await host.Host.SettleAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await StoredRows.ReadAsync(host.Host.Services));
        Assert.Equal(calls, host.Host.Slack.Calls.Count);
        using var health = new HttpRequestMessage(HttpMethod.Get, new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, (await host.Host.SendAsync(health)).StatusCode);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase _db = null!;

        internal SlackHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
            // Without the recurring dispatch: each case compares the stored rows before and after a refused request,
            // and a minute turning mid-case would claim the day's reminders and count as something stored.
            Host = await SlackHost.StartAsync(_db, Friday, dispatch: false);
            Host.Slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
            // The served workspaces are known (auth.test of the bot token) before any case counts Slack calls.
            await using var scope = Host.Services.CreateAsyncScope();
            Assert.Equal([SlackHost.Team], await scope.ServiceProvider.GetRequiredService<SlackWorkspaces>().TeamIdsAsync(CancellationToken.None));
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await _db.DisposeAsync();
        }

        /// <summary>
        /// A request to /slack/events signed as Slack signs it, then spoiled as the case says: another secret,
        /// no or another signature or timestamp, the body changed after signing.
        /// </summary>
        public HttpRequestMessage Signed(
            string body, string contentType, string secret = SlackHost.Secret, long offset = 0, string? timestampText = null,
            bool noTimestamp = false, string? signature = null, bool unsigned = false, Func<string, string>? rewrite = null,
            Func<string, string>? tamper = null, string? signFor = null)
        {
            var ts = Host.Time.GetUtcNow().ToUnixTimeSeconds() + offset;
            var sent = tamper?.Invoke(body) ?? body;
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(sent));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/events", UriKind.Relative)) { Content = content };
            if (!noTimestamp)
            {
                request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestampText ?? ts.ToString(CultureInfo.InvariantCulture));
            }

            if (!unsigned)
            {
                var good = SlackPayloads.Sign(secret, ts, signFor ?? body);
                request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature ?? rewrite?.Invoke(good) ?? good);
            }

            return request;
        }
    }
}
