using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KpiBot.Core.Delivery;
using KpiBot.Storage;
using KpiBot.Storage.Entities;
using KpiBot.Testing;
using KpiBot.Testing.Engine;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace KpiBot.Host.Tests.Faults;

/// <summary>
/// The fault suite (<c>./bench/faults.sh</c>, docs/reliability.md): the real executable on PostgreSQL against a fake
/// Slack, a fan-out of prompts, then a fault — a host killed with SIGKILL, PostgreSQL stopped, the platform
/// refusing or slow — and an accounting from the database and the platform at the end: prompts due, sent once,
/// lost, duplicated, and how long recovery took. Too long for ./test.sh: each case is skipped unless
/// KPIBOT_FAULTS=1 (the script sets it, starts its own PostgreSQL and tells the tests how to stop it).
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "kpibot.dll");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);   // Monday 17:30 in Tokyo

    private static int People(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("KPIBOT_FAULTS_PEOPLE"), CultureInfo.InvariantCulture, out var n) ? Math.Min(n, fallback) : fallback;

    [FaultFact]
    public async Task Kill9_OneOfTwoHosts_MidFanOut_RestartedAfter10s_NothingLostOrDuplicated()
    {
        await using var run = await FanOut.StartAsync(People(20_000), output);
        var a = run.Host();
        var b = run.Host();
        await Task.WhenAll(a.WaitHealthyAsync(StartTimeout), b.WaitHealthyAsync(StartTimeout));
        await run.DispatchAsync();

        await run.WaitAsync(() => Task.FromResult(run.Delivered >= run.Count / 4), "a quarter of the prompts", TimeSpan.FromMinutes(5));
        a.Signal("KILL");
        var killed = Stopwatch.StartNew();
        var atKill = run.Delivered;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var restarted = run.Host();
        await restarted.WaitHealthyAsync(StartTimeout);

        await run.WaitAsync(async () => await run.OpenAsync() == 0, "every prompt sent", TimeSpan.FromMinutes(8));
        var recovery = killed.Elapsed;
        var account = await run.AccountAsync();
        run.Report("kill -9 of one of two hosts mid fan-out, restarted after 10 s", account,
            $"{atKill:N0} sent at the kill; all open deliveries settled {recovery.TotalSeconds:F0} s after the kill");

        Assert.Equal(0, account.Duplicated);
        Assert.Equal(0, account.Lost);
    }

    [FaultFact]
    public async Task PostgresStopped30s_MidFanOut_HealthGoesBadAndComesBack_WithoutRestart_NothingLostOrDuplicated()
    {
        var stop = Environment.GetEnvironmentVariable("KPIBOT_FAULTS_PG_STOP");
        var start = Environment.GetEnvironmentVariable("KPIBOT_FAULTS_PG_START");
        Assert.False(string.IsNullOrEmpty(stop) || string.IsNullOrEmpty(start), "bench/faults.sh tells this case how to stop its own PostgreSQL");
        await using var run = await FanOut.StartAsync(People(5_000), output);
        var host = run.Host();
        await host.WaitHealthyAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        await run.DispatchAsync();

        await run.WaitAsync(() => Task.FromResult(run.Delivered >= run.Count / 5), "a fifth of the prompts", TimeSpan.FromMinutes(5));
        var atStop = run.Delivered;
        await Shell(stop!);
        var down = Stopwatch.StartNew();
        await run.WaitAsync(async () => !await HealthyAsync(http), "/healthz unhealthy", TimeSpan.FromSeconds(30));
        var unhealthyAfter = down.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(30) - down.Elapsed);
        await Shell(start!);
        var up = Stopwatch.StartNew();
        await run.WaitAsync(() => HealthyAsync(http), "/healthz healthy again", TimeSpan.FromMinutes(2));
        var healthyAfter = up.Elapsed;
        await run.WaitAsync(async () => await run.OpenAsync() == 0, "every prompt sent", TimeSpan.FromMinutes(6));
        var settled = up.Elapsed;
        var account = await run.AccountAsync();
        run.Report("PostgreSQL stopped 30 s mid fan-out", account,
            $"{atStop:N0} sent at the stop; /healthz unhealthy {unhealthyAfter.TotalSeconds:F1} s after the stop, healthy {healthyAfter.TotalSeconds:F1} s after the start, "
            + $"every delivery settled {settled.TotalSeconds:F0} s after the start; the host was never restarted (exited: {host.HasExited})");

        Assert.False(host.HasExited, host.Output);
        Assert.Equal(0, account.Duplicated);
        Assert.Equal(0, account.Lost);
    }

    [FaultFact]
    public async Task PlatformAnswers429ThenServerErrors_ForTwoMinutes_EverythingSentOnceAfterwards()
    {
        await using var run = await FanOut.StartAsync(People(2_000), output);
        var outage = Stopwatch.StartNew();
        var refused = new ConcurrentDictionary<int, int>();
        run.Slack.Fault = call =>
        {
            if (call.Method != "chat.postMessage" || outage.Elapsed >= TimeSpan.FromMinutes(2))
            {
                return null;
            }

            // The first 30 s Slack says "slow down" (429, Retry-After 10); then it fails (500, then 503).
            var status = outage.Elapsed < TimeSpan.FromSeconds(30) ? 429 : outage.Elapsed < TimeSpan.FromSeconds(75) ? 500 : 503;
            refused.AddOrUpdate(status, 1, (_, n) => n + 1);
            return new FakeFault(TimeSpan.Zero, status, status == 429 ? "10" : null);
        };
        var host = run.Host();
        await host.WaitHealthyAsync(StartTimeout);
        outage.Restart();
        await run.DispatchAsync();

        await run.WaitAsync(async () => await run.OpenAsync() == 0, "every prompt sent", TimeSpan.FromMinutes(8));
        var settled = outage.Elapsed;
        var account = await run.AccountAsync();
        run.Report("platform answers 429 + Retry-After, then 500/503, for 2 minutes", account,
            $"refused {string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{r.Value:N0}× {r.Key}"))}; every delivery settled "
            + $"{settled.TotalSeconds:F0} s after the outage began ({(settled - TimeSpan.FromMinutes(2)).TotalSeconds:F0} s after it ended)");

        Assert.Equal(0, account.Duplicated);
        Assert.Equal(0, account.Lost);
    }

    [FaultFact]
    public async Task PlatformAnswersAfter30s_TimeoutsThenNoDuplicates()
    {
        await using var run = await FanOut.StartAsync(People(200), output);
        var slow = Stopwatch.StartNew();
        run.Slack.Fault = call => call.Method == "chat.postMessage" && slow.Elapsed < TimeSpan.FromSeconds(45)
            ? new FakeFault(TimeSpan.FromSeconds(31))
            : null;
        var host = run.Host();
        await host.WaitHealthyAsync(StartTimeout);
        slow.Restart();
        await run.DispatchAsync();

        await run.WaitAsync(async () => await run.OpenAsync() == 0, "every prompt settled", TimeSpan.FromMinutes(8));
        var settled = slow.Elapsed;
        var account = await run.AccountAsync();
        run.Report("platform answers after 31 s (past the 30 s client timeout) for 45 s", account,
            $"every delivery settled {settled.TotalSeconds:F0} s after the slowness began");

        Assert.Equal(0, account.Duplicated);
        Assert.Equal(0, account.Lost);
    }

    [FaultFact]
    public async Task SqliteOnAFullDisk_ThenReadOnly_ClearError_NothingCorrupted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kpibot-disk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await Shell($"mount -t tmpfs -o size=8m tmpfs {folder}");
        try
        {
            var file = Path.Combine(folder, "kpibot.db");
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["ConnectionStrings:KpiBot"] = $"Data Source={file};Pooling=False",   // no open file left to keep the remounts busy
                ["KpiBot:ImportSampleWhenEmpty"] = "false",
            };
            var sample = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "goals.yaml");
            var changed = Path.Combine(Path.GetTempPath(), $"kpibot-disk-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(sample)).Replace("株式会社サンプル商事", "株式会社サンプル商事 (2)", StringComparison.Ordinal));
            var first = await CliRunner.RunAsync(settings, "goals", "import", sample, "--lang", "en");
            Assert.True(first.ExitCode == 0, first.ToString());

            // The disk fills up: the next import fails with one clear line and leaves version 1 as it was.
            await Shell($"dd if=/dev/zero of={folder}/filler bs=64k 2>/dev/null || true");
            var full = await CliRunner.RunAsync(settings, "goals", "import", changed, "--lang", "en");
            var fullText = full.Output + full.Error;
            await Shell($"rm -f {folder}/filler");
            var afterFull = await IntegrityAsync(file);

            // Read-only: the same.
            await Shell($"mount -o remount,ro {folder}");
            var readOnly = await CliRunner.RunAsync(settings, "goals", "import", changed, "--lang", "en");
            var readOnlyText = readOnly.Output + readOnly.Error;
            await Shell($"mount -o remount,rw {folder}");
            var afterReadOnly = await IntegrityAsync(file);

            // Space again: the import that failed now succeeds.
            var again = await CliRunner.RunAsync(settings, "goals", "import", changed, "--lang", "en");
            File.Delete(changed);

            var line = $"- SQLite (embedded default) on a full disk, then read-only: full → exit {full.ExitCode}, \"{LastLine(fullText)}\"; "
                + $"read-only → exit {readOnly.ExitCode}, \"{LastLine(readOnlyText)}\"; integrity_check after each: {afterFull} / {afterReadOnly}; "
                + $"goals versions after each: {afterFull.Version} / {afterReadOnly.Version}; import once space is back: exit {again.ExitCode}";
            output.WriteLine(line);
            if (Environment.GetEnvironmentVariable("KPIBOT_FAULTS_RESULTS") is { Length: > 0 } results)
            {
                await File.AppendAllTextAsync(results, line + Environment.NewLine);
            }

            Assert.True(full.ExitCode == 1, full.ToString());
            Assert.DoesNotContain("   at ", fullText, StringComparison.Ordinal);
            Assert.True(readOnly.ExitCode == 1, readOnly.ToString());
            Assert.DoesNotContain("   at ", readOnlyText, StringComparison.Ordinal);
            Assert.Equal("ok", afterFull.Check);
            Assert.Equal(1L, afterFull.Version);
            Assert.Equal("ok", afterReadOnly.Check);
            Assert.Equal(1L, afterReadOnly.Version);
            Assert.True(again.ExitCode == 0, again.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await Shell($"umount {folder}");
            Directory.Delete(folder);
        }
    }

    private static string LastLine(string text) => text.Trim().Split('\n')[^1].Trim();

    private sealed record Integrity(string Check, long? Version)
    {
        public override string ToString() => Check;
    }

    private static async Task<Integrity> IntegrityAsync(string file)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var result = (string)(await check.ExecuteScalarAsync())!;
        await using var version = connection.CreateCommand();
        version.CommandText = "SELECT max(version) FROM goal_imports";
        return new Integrity(result, await version.ExecuteScalarAsync() is long v ? v : null);
    }

    private static async Task<bool> HealthyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "-c", command }, UseShellExecute = false })!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"'{command}' exited {process.ExitCode}");
    }

    /// <summary>What the database and the platform say at the end.</summary>
    internal sealed record Account(int Due, int SentOnce, int Lost, int Duplicated, IReadOnlyDictionary<DeliveryState, int> States, int Posts);

    /// <summary>
    /// One fault run: a fresh PostgreSQL database, a fake Slack knowing every rep, N reps due at one minute, real
    /// host processes (started by the case) that send, and an in-process driver (no job server, its clock at the
    /// due minute) that claims and queues the fan-out as the dispatcher of any host would.
    /// </summary>
    private sealed class FanOut : IAsyncDisposable
    {
        private readonly List<HostProcess> _hosts = [];
        private readonly ITestOutputHelper _output;

        private FanOut(TestDatabase db, FakeSlackApi slack, WebApplicationFactory<Program> driver, int count, ITestOutputHelper output)
        {
            Db = db;
            Slack = slack;
            Driver = driver;
            Count = count;
            _output = output;
        }

        public TestDatabase Db { get; }

        public FakeSlackApi Slack { get; }

        public WebApplicationFactory<Program> Driver { get; }

        public int Count { get; }

        /// <summary>Posts the platform carried out (a call it refused is not a post).</summary>
        public int Delivered => Posts().Count;

        public static async Task<FanOut> StartAsync(int people, ITestOutputHelper output)
        {
            var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
            var slack = await FakeSlackApi.StartAsync();
            for (var i = 0; i < people; i++)
            {
                slack.AddUser($"U{i:D6}", $"rep{i:D6}@example.com");
            }

            var driver = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                foreach (var (key, value) in Settings(db, slack))
                {
                    b.UseSetting(key, value);
                }

                b.UseSetting("Jobs:RunServer", "false");
                b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Due.AddSeconds(30))));
            });
            _ = driver.Server;   // migrations
            await using (var scope = driver.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<GoalsStore>()
                    .ImportAsync(FanOutGoals.Build(people), "fanout.yaml", new string('0', 64), "faults", Due, CancellationToken.None);
            }

            return new FanOut(db, slack, driver, people, output);
        }

        public HostProcess Host()
        {
            var host = HostProcess.Start(Dll, Settings(Db, Slack));
            _hosts.Add(host);
            return host;
        }

        public async Task DispatchAsync()
        {
            await using var scope = Driver.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None);
            Assert.Equal(Count, result.Claimed);
        }

        /// <summary>Deliveries not yet settled (Pending or Sending).</summary>
        public async Task<int> OpenAsync()
        {
            try
            {
                await using var context = Db.NewContext();
                return await context.Deliveries.CountAsync(DeliveryRow.InProgress);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                return -1;   // the database is away
            }
        }

        public async Task<Account> AccountAsync()
        {
            await using var context = Db.NewContext();
            var states = await context.Deliveries.GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count);
            var due = states.Values.Sum();
            var posts = Posts();
            var perChannel = posts.GroupBy(p => p, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new Account(due, perChannel.Count(p => p.Value == 1), due - perChannel.Count, perChannel.Count(p => p.Value > 1), states, posts.Count);
        }

        public void Report(string fault, Account account, string detail)
        {
            var states = string.Join(", ", account.States.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}"));
            var line = $"{fault}: due {account.Due:N0}, sent once {account.SentOnce:N0}, lost {account.Lost:N0}, duplicated {account.Duplicated:N0} "
                + $"(platform posts {account.Posts:N0}; deliveries {states}); {detail}";
            _output.WriteLine(line);
            if (Environment.GetEnvironmentVariable("KPIBOT_FAULTS_RESULTS") is { Length: > 0 } file)
            {
                File.AppendAllText(file, "- " + line + Environment.NewLine);
            }
        }

        public async Task WaitAsync(Func<Task<bool>> done, string what, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (!await done())
            {
                if (clock.Elapsed > timeout)
                {
                    var hosts = string.Join("\n---\n", _hosts.Select(h => h.Output[Math.Max(0, h.Output.Length - 4000)..]));
                    throw new TimeoutException($"Timed out after {timeout} waiting for {what}; {Delivered:N0} of {Count:N0} posted.\n{hosts}");
                }

                await Task.Delay(250, CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var host in _hosts)
            {
                    }

            await Driver.DisposeAsync();
            await Slack.DisposeAsync();
            await Db.DisposeAsync();
        }

        /// <summary>The channel of every post the platform carried out: calls it answered with an error are left out.</summary>
        private List<string> Posts()
        {
            var refused = Slack.Refused.ToHashSet(ReferenceEqualityComparer.Instance);
            return [.. Slack.Calls.Where(c => c.Method == "chat.postMessage" && !refused.Contains(c))
                .Select(c => JsonNode.Parse(c.Body)?["channel"]?.GetValue<string>() ?? string.Empty)];
        }

        private static Dictionary<string, string?> Settings(TestDatabase db, FakeSlackApi slack) => new(db.Settings)
        {
            ["KpiBot:ImportSampleWhenEmpty"] = "false",
            ["Jobs:PollInterval"] = "00:00:00.500",
            ["Slack:BotToken"] = "xoxb-faults",
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
            // The fan-out's minute is days behind the hosts' real clocks: do not give up rate-limited sends for their age.
            ["Delivery:GiveUpAfter"] = "30.00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Hangfire"] = "Information",
        };
    }
}

/// <summary>A fault-suite case: run by ./bench/faults.sh (KPIBOT_FAULTS=1), skipped by ./test.sh.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FaultFactAttribute : FactAttribute
{
    public FaultFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("KPIBOT_FAULTS") != "1")
        {
            Skip = "A fault-suite case: run it with ./bench/faults.sh.";
        }
    }
}
