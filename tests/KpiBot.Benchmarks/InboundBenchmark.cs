using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Host.Hosting;
using KpiBot.Slack.Inbound;
using KpiBot.Storage;
using KpiBot.Teams;
using KpiBot.Teams.Auth;
using KpiBot.Teams.Connector;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.Tokens;

namespace KpiBot.Benchmarks;

/// <summary>
/// Inbound load: a real KpiBot host on Kestrel (127.0.0.1), Slack and Teams configured against the fakes, hit
/// by wrk with a signed <c>/kpi help</c> slash command and with an authenticated <c>adaptiveCard/action</c>
/// check-in invoke. Every request is verified (HMAC / RS256) — nothing validated is cached. For comparison it
/// also measures endpoints of this benchmark that only verify (same code as the real endpoints, no engine) and
/// one that only reads the body, to separate verification, engine and server costs.
/// Usage: inbound [sqlite|postgres] [runs=3] [seconds=15] [warmup=5]; KPIBOT_BENCH_ONLY=text runs only the
/// scenarios whose name contains the text.
/// </summary>
internal static class InboundBenchmark
{
    private const string SlackSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string SlackTeam = "T0SAMPLE";
    private const string SlackUser = "U0TANAKA";
    private const string SlackStranger = "U0STRANGER";
    private const string SlackLinked = "slack /kpi help, linked rep";
    private const string SlackStrangerName = "slack /kpi help, sender not in the goals file";
    private const string TeamsInvoke = "teams check-in invoke";
    private const string TeamsTenant = "tenant-1";
    private const string TeamsRep = "suzuki";
    private const string BotId = "28:" + FakeBotFrameworkServer.AppId;

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 && args[0] == "postgres" ? StorageProvider.Postgres : StorageProvider.Sqlite;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
        var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;

        await using var db = await TestDatabase.CreateAsync(provider);
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bf = await FakeBotFrameworkServer.StartAsync();
        var key = bf.AddKey("key-1", "msteams");
        slack.AddUser(SlackUser, "tanaka@example.co.jp");
        slack.AddUser(SlackStranger, "stranger@example.net");

        var port = FreePort();
        var settings = new Dictionary<string, string?>(db.Settings)
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Slack:SigningSecret"] = SlackSecret,
            ["Slack:BotToken"] = "xoxb-bench",
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.AbsoluteUri,
            ["Teams:AppId"] = FakeBotFrameworkServer.AppId,
            ["Teams:AppPassword"] = "s3cret",
            ["Teams:TenantId"] = TeamsTenant,
            ["Teams:OpenIdMetadataUrl"] = bf.MetadataUrl.AbsoluteUri,
            ["Teams:Authority"] = bf.BaseAddress.AbsoluteUri,
            ["Teams:AuthorityInstanceDiscovery"] = "false",
        };
        var arguments = settings.Select(s => $"--{s.Key}={s.Value}").ToArray();

        var app = KpiBotWebApplication.Build(arguments, builder =>
        {
            // Trust the fake Bot Framework's test certificate in the host's Teams clients only, as the host tests do.
            builder.Services.AddHttpClient(TeamsServiceCollectionExtensions.MetadataClient).ConfigurePrimaryHttpMessageHandler(bf.CreateHandler);
            builder.Services.AddHttpClient(nameof(BotConnectorClient)).ConfigurePrimaryHttpMessageHandler(bf.CreateHandler);
            builder.Services.AddSingleton<IMsalHttpClientFactory>(new TrustingMsalFactory(bf));
            builder.Services.AddSingleton<IBotTokenProvider>(sp => new MsalBotTokenProvider(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value, sp.GetRequiredService<IMsalHttpClientFactory>()));
        });
        MapBaselines(app);
        await app.StartAsync();
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var identities = scope.ServiceProvider.GetRequiredService<IIdentityStore>();
                await identities.LinkAsync(new ChatUser(Platforms.Slack, SlackTeam, SlackUser), "tanaka", now, CancellationToken.None);
                await identities.LinkAsync(new ChatUser(Platforms.Teams, TeamsTenant, "29:" + TeamsRep), TeamsRep, now, CancellationToken.None);
            }

            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            using var client = new HttpClient { BaseAddress = baseUri };
            Console.WriteLine($"inbound benchmark: {provider}, host on {baseUri}, wrk -t2 -c10 -d{seconds}s --latency after a {warmup} s warm-up, {runs} run(s); load {Load()}");

            var results = new List<(string Name, WrkResult Median, int Runs)>();

            // The official-SDK peers (../shared/peers, installed by bench/inbound.sh), in the same run, same wrk settings.
            var peers = Environment.GetEnvironmentVariable("KPIBOT_PEERS");
            var pem = Path.Combine(Path.GetTempPath(), $"kpibot-bench-bf-{Environment.ProcessId}.pem");
            await File.WriteAllTextAsync(pem, bf.CertificatePem);
            await using var bolt = peers is null ? null : await Peer.StartAsync(
                "bolt", peers, "slack-bolt/app.js", FreePort(), new Dictionary<string, string> { ["SLACK_SIGNING_SECRET"] = SlackSecret });
            await using var botbuilder = peers is null ? null : await Peer.StartAsync(
                "botbuilder", peers, "teams-botbuilder/bot.js", FreePort(), new Dictionary<string, string>
                {
                    ["MicrosoftAppId"] = FakeBotFrameworkServer.AppId,
                    ["MicrosoftAppPassword"] = "s3cret",
                    ["ToBotFromChannelOpenIdMetadataUrl"] = bf.MetadataUrl.AbsoluteUri,
                    ["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkServer.Issuer,
                    ["NODE_EXTRA_CA_CERTS"] = pem,
                });

            // Slack: a fresh timestamp per run (Slack's window is 5 minutes), one signed body for all of a run's requests.
            Func<(string Body, Dictionary<string, string> Headers)> SlashFrom(string user, string channel) => () =>
            {
                var body = SlackPayloads.Slash(SlackTeam, user, channel, "help", slack.ResponseUrl, "directmessage");
                var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                return (body, new Dictionary<string, string>
                {
                    ["Content-Type"] = "application/x-www-form-urlencoded",
                    ["X-Slack-Request-Timestamp"] = ts.ToString(CultureInfo.InvariantCulture),
                    ["X-Slack-Signature"] = SlackPayloads.Sign(SlackSecret, ts, body),
                });
            };
            var slash = SlashFrom(SlackUser, "D0TANAKA");
            var stranger = SlashFrom(SlackStranger, "D0STRANGER");
            results.Add(await ScenarioAsync(SlackLinked, client, new Uri(baseUri, "slack/commands"), slash, SlackHelpOk, runs, seconds, warmup));
            if (bolt is not null)
            {
                results.Add(await ScenarioAsync("bolt " + SlackLinked, client, new Uri(bolt.BaseUri, "slack/events"), slash, BoltOk, runs, seconds, warmup));
            }

            results.Add(await ScenarioAsync(SlackStrangerName, client, new Uri(baseUri, "slack/commands"), stranger, SlackAnswerOk, runs, seconds, warmup));
            if (bolt is not null)
            {
                results.Add(await ScenarioAsync("bolt " + SlackStrangerName, client, new Uri(bolt.BaseUri, "slack/events"), stranger, BoltOk, runs, seconds, warmup));
            }

            Console.WriteLine($"  fake Slack Web API calls so far: {slack.Calls.Count:N0} ({string.Join(", ", slack.Calls.GroupBy(c => c.Method).Select(g => $"{g.Key} {g.Count():N0}"))})");
            results.Add(await ScenarioAsync("slack verify only", client, new Uri(baseUri, "bench/slack-verify"), slash, (s, _) => s == HttpStatusCode.OK, Math.Min(runs, 1), seconds, warmup));

            // Teams: a token valid 10 minutes per run, one check-in invoke from the linked rep for a past work day.
            var day = WorkDay();
            Func<(string Body, Dictionary<string, string> Headers)> invoke = () =>
            {
                var token = TestTokens.Mint(key, DateTimeOffset.UtcNow, serviceUrl: bf.BaseAddress.AbsoluteUri, lifetime: TimeSpan.FromMinutes(10));
                return (CheckInInvoke(bf.BaseAddress.AbsoluteUri, day).ToJsonString(), new Dictionary<string, string>
                {
                    ["Content-Type"] = "application/json",
                    ["Authorization"] = "Bearer " + token,
                });
            };
            results.Add(await ScenarioAsync(TeamsInvoke, client, new Uri(baseUri, "api/messages"), invoke, TeamsReceiptOk, runs, seconds, warmup));
            if (botbuilder is not null)
            {
                results.Add(await ScenarioAsync("botbuilder " + TeamsInvoke, client, new Uri(botbuilder.BaseUri, "api/messages"), invoke, BotbuilderOk, runs, seconds, warmup));
            }

            results.Add(await ScenarioAsync("teams verify only", client, new Uri(baseUri, "bench/teams-verify"), invoke, (s, _) => s == HttpStatusCode.OK, Math.Min(runs, 1), seconds, warmup));
            results.Add(await ScenarioAsync("read body only (server floor)", client, new Uri(baseUri, "bench/noop"), invoke, (s, _) => s == HttpStatusCode.OK, Math.Min(runs, 1), seconds, warmup));

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine();
            Console.WriteLine($"summary ({provider}, median of the runs; load now {Load()}):");
            results.RemoveAll(r => r.Runs == 0);
            foreach (var (name, median, n) in results)
            {
                Console.WriteLine($"  {name,-32} {median.RequestsPerSecond,10:N0} req/s   p99 {median.P99Milliseconds,7:F2} ms   ({n} run{(n == 1 ? "" : "s")}, {median.Timeouts} timed out)");
            }

            PrintRatios(results);
            if (bolt is not null && botbuilder is not null)
            {
                Console.WriteLine($"  peak RSS of the peers: bolt {bolt.PeakRssMegabytes():N0} MB, botbuilder {botbuilder.PeakRssMegabytes():N0} MB");
            }

            Console.WriteLine($"  calls the host made meanwhile: fake Slack Web API {slack.Calls.Count:N0}, fake Bot Framework {bf.Requests.Count + bf.TokenRequests.Count:N0} (+{bf.MetadataRequests} metadata)");
            Console.WriteLine($"  RSS of this process (host, fakes and client in-process): {self.WorkingSet64 / 1024 / 1024:N0} MB now, {self.PeakWorkingSet64 / 1024 / 1024:N0} MB peak");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(string Name, WrkResult Median, int Runs)> ScenarioAsync(
        string name, HttpClient client, Uri url, Func<(string Body, Dictionary<string, string> Headers)> request,
        Func<HttpStatusCode, string, bool> isRealAnswer, int runs, int seconds, int warmup)
    {
        // KPIBOT_BENCH_ONLY=text runs only the scenarios whose name contains it (e.g. while profiling one path).
        if (Environment.GetEnvironmentVariable("KPIBOT_BENCH_ONLY") is { Length: > 0 } only && !name.Contains(only, StringComparison.Ordinal))
        {
            return (name, new WrkResult(0, 0, 0, 0, 0, 0), 0);
        }

        // One request first, so the benchmark measures the real path and not an error.
        var (body, headers) = request();
        using (var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) })
        {
            foreach (var (header, value) in headers)
            {
                if (header == "Content-Type")
                {
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                }
                else
                {
                    message.Headers.TryAddWithoutValidation(header, value);
                }
            }

            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"{name}: check {(int)response.StatusCode}, {text.Length} bytes: {Truncate(text, 160)}");
            if (!isRealAnswer(response.StatusCode, text))
            {
                throw new InvalidOperationException($"{name}: not the expected answer, nothing measured");
            }
        }

        var all = new List<WrkResult>();
        for (var run = 0; run < runs; run++)
        {
            var (runBody, runHeaders) = request();
            var script = Wrk.Script(runBody, runHeaders);
            try
            {
                if (warmup > 0)
                {
                    await Wrk.RunAsync(url, script, warmup);
                }

                var result = await Wrk.RunAsync(url, script, seconds);
                if (result.Non2xx > 0 || result.SocketErrors > 0)
                {
                    throw new InvalidOperationException($"{name}: {result.Non2xx} of {result.Requests} requests were not answered 2xx ({result.SocketErrors} socket errors); the run measures errors, not the path");
                }

                all.Add(result);
                Console.WriteLine($"  run {run + 1}: {result.RequestsPerSecond:N0} req/s, p99 {result.P99Milliseconds:F2} ms, {result.Requests:N0} requests, {result.Timeouts} timed out (> 2 s); load {Load()}");
            }
            finally
            {
                File.Delete(script);
            }
        }

        var median = all.OrderBy(r => r.RequestsPerSecond).ElementAt(all.Count / 2);
        var p99 = all.Select(r => r.P99Milliseconds).Order().ElementAt(all.Count / 2);
        return (name, median with { P99Milliseconds = p99, Timeouts = all.Sum(r => r.Timeouts) }, all.Count);
    }

    /// <summary>KpiBot ÷ peer for each target, in this run: req/s ratio and p99 ratio, and whether the target is met.</summary>
    private static void PrintRatios(List<(string Name, WrkResult Median, int Runs)> results)
    {
        var targets = new (string Ours, double Rate)[] { (SlackLinked, 2), (SlackStrangerName, 2), (TeamsInvoke, 3) };
        Console.WriteLine("ratios (KpiBot ÷ peer, this run):");
        foreach (var (ours, rate) in targets)
        {
            var mine = results.FirstOrDefault(r => r.Name == ours);
            var peer = results.FirstOrDefault(r => r.Name.EndsWith(" " + ours, StringComparison.Ordinal) && r.Name != ours);
            if (mine.Name is null || peer.Name is null)
            {
                continue;
            }

            var speed = mine.Median.RequestsPerSecond / peer.Median.RequestsPerSecond;
            var p99 = mine.Median.P99Milliseconds / peer.Median.P99Milliseconds;
            var met = speed >= rate && p99 <= 0.5;
            Console.WriteLine($"  {ours,-40} {speed,5:F2}× req/s (target ≥ {rate}×)   p99 {p99,5:F2}× (target ≤ 0.5×)   {(met ? "MET" : "not met")}   [{peer.Name}]");
        }
    }

    private static bool BoltOk(HttpStatusCode status, string body) => status == HttpStatusCode.OK && body.Contains("KpiBot help", StringComparison.Ordinal);

    private static bool BotbuilderOk(HttpStatusCode status, string body) =>
        status == HttpStatusCode.OK && body.Contains("AdaptiveCard", StringComparison.Ordinal);

    /// <summary>Any answer in the acknowledgement (a sender not in the goals file is told so, not helped).</summary>
    private static bool SlackAnswerOk(HttpStatusCode status, string body) => status == HttpStatusCode.OK && body.Contains("\"text\"", StringComparison.Ordinal);

    private static bool SlackHelpOk(HttpStatusCode status, string body) =>
        status == HttpStatusCode.OK && body.Contains("checkin", StringComparison.Ordinal) && body.Contains("\"text\"", StringComparison.Ordinal);

    private static bool TeamsReceiptOk(HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        var answer = JsonNode.Parse(body);
        return (string?)answer?["type"] == "application/vnd.microsoft.card.adaptive"
            && (string?)answer["value"]?["type"] == "AdaptiveCard"
            && answer["value"]!.ToJsonString().Contains("18", StringComparison.Ordinal)
            && !answer["value"]!.ToJsonString().Contains("Input.Number", StringComparison.Ordinal);
    }

    /// <summary>
    /// Verification alone, by the same services the real endpoints use: the Slack signature check (with the
    /// parse that comes with it), the Bot Framework token validation; and a floor that only reads the body.
    /// </summary>
    private static void MapBaselines(WebApplication app)
    {
        app.MapPost("/bench/noop", async (HttpContext http) =>
        {
            await DrainAsync(http.Request);
            return Results.Ok();
        });
        app.MapPost("/bench/slack-verify", async (HttpContext http) =>
        {
            var body = await DrainAsync(http.Request);
            var headers = http.Request.Headers;
            var inbound = http.RequestServices.GetRequiredService<SlackRequestReader>().Read(
                http.Request.ContentType, headers["X-Slack-Request-Timestamp"].ToString(), headers["X-Slack-Signature"].ToString(), body, null);
            return inbound is SlackInbound.Refused ? Results.Unauthorized() : Results.Ok();
        });
        app.MapPost("/bench/teams-verify", async (HttpContext http) =>
        {
            var body = await DrainAsync(http.Request);
            var activity = KpiBot.Teams.Activities.ActivityParser.Read(body);
            var result = await http.RequestServices.GetRequiredService<BotFrameworkTokenValidator>().ValidateAsync(
                http.Request.Headers.Authorization.ToString(), activity?.ChannelId, activity?.ServiceUrl, http.RequestAborted);
            return result is InboundAuthResult.Valid ? Results.Ok() : Results.Unauthorized();
        });
    }

    private static async Task<byte[]> DrainAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>An Action.Execute of the rep's daily card: two KDI values for <paramref name="day"/>, the card's data as the prompt carries it.</summary>
    private static JsonObject CheckInInvoke(string serviceUrl, DateOnly day)
    {
        var conversation = "a:personal:29:" + TeamsRep;
        var data = new JsonObject
        {
            ["kpibot"] = "checkin",
            ["action"] = "submit",
            ["occurrence"] = $"DailyPrompt:{TeamsRep}:{day:yyyy-MM-dd}",
            ["workDay"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["cardVersion"] = 1,
            ["personId"] = TeamsRep,
            ["kdi:daily-calls"] = "18",
            ["kdi:intro-emails"] = "2",
        };
        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["id"] = "f:bench-invoke",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "29:" + TeamsRep, ["aadObjectId"] = "aad-" + TeamsRep },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "KpiBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = TeamsTenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsTenant } },
            ["replyToId"] = "act-bench-prompt",
            ["locale"] = "ja-JP",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "ja-JP", ["timezone"] = "Asia/Tokyo" }),
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "kpibot.checkin", ["data"] = data },
                ["trigger"] = "manual",
            },
        };
    }

    /// <summary>The last weekday up to today in Tokyo (the sample team's calendar): never a future day.</summary>
    private static DateOnly WorkDay()
    {
        var tokyo = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        while (tokyo.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            tokyo = tokyo.AddDays(-1);
        }

        return tokyo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private sealed class TrustingMsalFactory(FakeBotFrameworkServer fake) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => fake.Client;
    }
}
