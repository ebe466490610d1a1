using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KpiBot.Core.Chat;
using KpiBot.Host.Hosting;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Benchmarks;

/// <summary>
/// A lead's <c>/kpi status</c> over Slack on an existing database (bench/team-page.sh seeds a 500-person team
/// with a year of check-ins): a real host on Kestrel, Slack configured against the fake Web API, the lead's
/// Slack user linked; each request is a freshly signed slash command answered in the HTTP response (the ack
/// carries the status when it is ready within Slack's window). Prints p50 / p95 / max of R requests one after
/// another and from 4 clients at once, after 20 to warm up. Usage: <c>status CONNECTION PERSON [requests=200]</c>.
/// </summary>
internal static class StatusBenchmark
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Workspace = "T0SAMPLE";
    private const string User = "U0LEAD";

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = args[0];
        var lead = args[1];
        var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        await using var slack = await FakeSlackApi.StartAsync();
        slack.AddUser(User, null);
        var port = FreePort();
        string[] arguments =
        [
            $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", "--Storage:Provider=Postgres",
            $"--ConnectionStrings:KpiBot={connection}", "--KpiBot:ImportSampleWhenEmpty=false", "--Jobs:RunServer=false",
            $"--Slack:SigningSecret={Secret}", "--Slack:BotToken=xoxb-bench", $"--Slack:ApiBaseUrl={slack.BaseUrl.AbsoluteUri}",
        ];
        var app = KpiBotWebApplication.Build(arguments);
        await app.StartAsync();
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IIdentityStore>().LinkAsync(
                    new ChatUser(Platforms.Slack, Workspace, User), lead, DateTimeOffset.UtcNow, CancellationToken.None);
            }

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            for (var i = 0; i < 20; i++)
            {
                await AskAsync(client, slack.ResponseUrl);
            }

            // Checked after the warm-up: a cold first answer may miss the acknowledgement window and go to response_url.
            var (status, first) = await AskAsync(client, slack.ResponseUrl);
            Console.WriteLine($"/kpi status from {lead}: check {(int)status}, {first.Length} bytes: {(first.Length > 200 ? first[..200] + "…" : first)}");
            if (status != HttpStatusCode.OK || !first.Contains("\"blocks\"", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"not the lead's status in the acknowledgement: nothing measured. Fake Slack Web API calls: {string.Join("; ", slack.Calls.Take(5).Select(c => c.Method + " " + c.Body))}");
                return 1;
            }

            foreach (var clients in new[] { 1, 4 })
            {
                var times = new List<double>();
                var bad = 0;
                var next = 0;
                await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
                {
                    while (Interlocked.Increment(ref next) <= requests)
                    {
                        var watch = Stopwatch.StartNew();
                        var (code, body) = await AskAsync(client, slack.ResponseUrl);
                        var ms = watch.Elapsed.TotalMilliseconds;
                        lock (times)
                        {
                            times.Add(ms);
                            bad += code == HttpStatusCode.OK && body.Length == first.Length ? 0 : 1;
                        }
                    }
                }));
                times.Sort();
                double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
                Console.WriteLine($"{"lead /kpi status (Slack, PostgreSQL)",-34} {clients} client(s)  {times.Count} requests  p50 {At(0.5),6:F1} ms  p95 {At(0.95),6:F1} ms  max {times[^1],6:F1} ms  not the same answer: {bad}");
            }

            Console.WriteLine($"  fake Slack Web API calls meanwhile: {slack.Calls.Count:N0} ({string.Join(", ", slack.Calls.GroupBy(c => c.Method).Select(g => $"{g.Key} {g.Count():N0}"))})");
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> AskAsync(HttpClient client, Uri responseUrl)
    {
        var body = SlackPayloads.Slash(Workspace, User, "D0LEAD", "status", responseUrl, "directmessage");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var message = new HttpRequestMessage(HttpMethod.Post, "slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        message.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("X-Slack-Signature", SlackPayloads.Sign(Secret, ts, body));
        using var response = await client.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
