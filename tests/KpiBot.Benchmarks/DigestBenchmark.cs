using System.Diagnostics;
using System.Globalization;
using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Host.Jobs;
using KpiBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KpiBot.Benchmarks;

/// <summary>
/// The weekly digest of a big organisation: TEAMS teams of REPS reps (default 1,000 × 10), each team with a KPI
/// fed by five daily KDIs, a year of check-ins (~95 % of working days answered, five values each: ≈ 12 million
/// rows), some skips and an open blocker per team, and one linked channel per team. Every team's digest is due
/// on Monday 2026-11-30 at 09:00 in Tokyo; the measurement runs the dispatcher once and times until every digest
/// is final, sent by the hosts' Hangfire workers as in production.
/// <para>
/// The data lives in a named database on the KPIBOT_TEST_POSTGRES server (kpibot_bench_digest), made once by
/// <c>seed</c> (bulk SQL: generate_series, indexes rebuilt after the load) so that <c>run</c> can be repeated in
/// a quiet window without paying for it; <c>drop</c> removes it.
/// </para>
/// </summary>
internal static class DigestBenchmark
{
    private const string DatabaseName = "kpibot_bench_digest";
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);   // Monday 09:00 in Tokyo
    private static readonly DateOnly LastDay = new(2026, 11, 29);

    public static async Task<int> RunAsync(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "run";
        var teams = Arg(args, 1, 1000);
        var reps = Arg(args, 2, 10);
        var hostCount = Arg(args, 3, 2);
        var workers = Arg(args, 4, 8);
        var server = Environment.GetEnvironmentVariable("KPIBOT_TEST_POSTGRES") is { Length: > 0 } s
            ? s : throw new InvalidOperationException("KPIBOT_TEST_POSTGRES names the PostgreSQL server to use");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName, CommandTimeout = 0 }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(StorageProvider.Postgres),
            ["ConnectionStrings:KpiBot"] = connection,
        };
        switch (mode)
        {
            case "seed":
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", $"CREATE DATABASE {DatabaseName}");
                await SeedAsync(settings, connection, teams, reps);
                return 0;
            case "drop":
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
                return 0;
            case "run":
                return await MeasureAsync(settings, connection, teams, hostCount, workers);
            default:
                Console.Error.WriteLine("digest seed|run|drop [teams=1000] [reps per team=10] [hosts=2] [workers=8]");
                return 2;
        }
    }

    /// <summary>The organisation: teams of reps in Tokyo, each team with its KPI and five daily KDIs.</summary>
    public static GoalsModel Goals(int teamCount, int repsPerTeam)
    {
        var start = new DateOnly(2026, 4, 1);
        var deadline = new DateOnly(2027, 3, 31);
        var teams = Enumerable.Range(0, teamCount).Select(t => new Team(
            $"team-{t:D4}", $"Team {t}", "Asia/Tokyo", Team.MondayToFriday, "JP",
            new HashSet<DateOnly>(), new HashSet<DateOnly>(), [], Locale: t % 2 == 0 ? "ja" : "en")).ToList();
        var people = Enumerable.Range(0, teamCount * repsPerTeam).Select(p => new Person(
            $"rep-{p:D6}", $"Rep {p}", $"rep{p:D6}@example.com", Role.Rep, teams[p / repsPerTeam].Id)).ToList();
        var kgi = new Kgi("sales", "Sales", 1_000_000_000m, "JPY", start, deadline, null, KgiRollup.Sum, []);
        var ksf = new Ksf("new", "New customers", "sales");
        var kpis = teams.Select(t => new Kpi($"meetings-{t.Id}", "Meetings", "new", 3m * repsPerTeam, "meetings", PeriodKind.Month, t.Id, Aggregation.Sum, KpiSource.Kdis)).ToList();
        (string Action, decimal Target)[] actions = [("calls", 20m), ("emails", 10m), ("visits", 4m), ("proposals", 2m), ("follow-ups", 5m)];
        var kdis = teams.SelectMany(t => actions.Select((a, i) => new Kdi(
            $"{a.Action}-{t.Id}", a.Action, $"meetings-{t.Id}", a.Target, a.Action, KdiCadence.Daily, t.Id, ConversionRate: 0.01m * (i + 1)))).ToList();
        return new GoalsModel(new OrganizationSettings("Digest Co."), teams, people, [kgi], [ksf], kpis, kdis);
    }

    private static async Task SeedAsync(Dictionary<string, string?> settings, string connection, int teams, int reps)
    {
        var time = new FakeTimeProvider(Due.AddDays(-1));
        var hosts = await BenchHosts.StartAsync(settings, 1, 1, new CountingChatPort(null), time, new ChannelDeliveryQueue(), async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var import = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<GoalsStore>().ImportAsync(
                Goals(teams, reps), "digest.yaml", new string('0', 64), "bench", time.GetUtcNow(), CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"the goals were refused: {result.RejectedNodeId} {result.Rejection}");
            }

            Console.WriteLine($"import of {teams:N0} teams, {teams * reps:N0} reps: {import.Elapsed.TotalSeconds:F1} s");
        }, CancellationToken.None);
        await BenchHosts.StopAsync(hosts);

        var clock = Stopwatch.StartNew();
        var from = LastDay.AddDays(-364).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // One statement per table; the check-ins' indexes are dropped for the load and rebuilt after it (the
        // definitions are read back from the catalogue, so they stay the migrations').
        await ExecuteAsync(connection,
            "SET session_replication_role = replica",
            "CREATE TEMP TABLE kept_indexes AS SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'checkin_entries' AND indexname <> 'pk_checkin_entries'",
            "DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM kept_indexes LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP; END $$",
            $"""
            INSERT INTO checkin_entries (person_id, node_id, day, value_scaled, note, blocker, source, revision, created_at, updated_at)
            SELECT p.id, k.id, d.day, (1 + (hashtext(p.id || k.id || d.day::text) & 31)) * 10000, NULL, false, 'import', 1, now(), now()
            FROM people p
            JOIN goal_nodes k ON k.kind = 'Kdi' AND k.team_id = p.team_id
            CROSS JOIN LATERAL (SELECT g::date AS day FROM generate_series(DATE '{from}', DATE '{to}', interval '1 day') g) d
            WHERE extract(isodow FROM d.day) < 6 AND (hashtext(p.id || d.day::text) & 255) < 243
            """,
            "SET maintenance_work_mem = '512MB'",
            "DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexdef FROM kept_indexes LOOP EXECUTE r.indexdef; END LOOP; END $$",
            $"""
            INSERT INTO day_skips (person_id, day, reason, created_at)
            SELECT p.id, d.day, 'visit', now()
            FROM people p CROSS JOIN LATERAL (SELECT g::date AS day FROM generate_series(DATE '{from}', DATE '{to}', interval '1 day') g) d
            WHERE extract(isodow FROM d.day) < 6 AND (hashtext(p.id || d.day::text) & 255) BETWEEN 243 AND 248
            """,
            $"""
            INSERT INTO blockers (person_id, day, note, raised_at)
            SELECT min(p.id), DATE '{to}' - 3, '顧客リストが古い', now() FROM people p GROUP BY p.team_id
            """,
            """
            INSERT INTO channel_links (platform, tenant, conversation_id, service_url, team_id, linked_by, linked_at)
            SELECT 'test', 'bench', 'channel-' || t.id, NULL, t.id, 'bench', now() FROM teams t
            """,
            "ANALYZE");
        await using var data = new NpgsqlDataSourceBuilder(connection).Build();
        await using var count = data.CreateCommand("SELECT (SELECT count(*) FROM checkin_entries), (SELECT count(*) FROM day_skips), (SELECT pg_size_pretty(pg_database_size(current_database())))");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"seeded {reader.GetInt64(0):N0} check-ins ({from} … {to}), {reader.GetInt64(1):N0} skips, a blocker and a channel per team in {clock.Elapsed.TotalSeconds:F0} s; database {reader.GetString(2)}");
    }

    private static async Task<int> MeasureAsync(Dictionary<string, string?> settings, string connection, int teams, int hostCount, int workers)
    {
        // A repeatable run: no deliveries, cursor or Hangfire jobs from an earlier one.
        await ExecuteAsync(connection, "TRUNCATE deliveries, dispatch_cursor", "DROP SCHEMA IF EXISTS hangfire CASCADE");
        var time = new FakeTimeProvider(Due.AddSeconds(30));
        var chat = new CountingChatPort(null);
        using var stop = new CancellationTokenSource();
        var hosts = await BenchHosts.StartAsync(settings, hostCount, workers, chat, time, null, _ => Task.CompletedTask, stop.Token);
        Console.WriteLine($"digest benchmark: {teams:N0} teams, {hostCount} hosts × {workers} Hangfire workers, due {Due:yyyy-MM-dd HH:mm} UTC; load {Load()}");
        var clock = Stopwatch.StartNew();
        DispatchResult dispatched;
        await using (var scope = hosts[0].Services.CreateAsyncScope())
        {
            dispatched = await scope.ServiceProvider.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None);
        }

        Console.WriteLine($"dispatcher: {dispatched.Due:N0} due, {dispatched.Claimed:N0} claimed and queued in {clock.Elapsed.TotalSeconds:F1} s");
        await BenchHosts.WaitUntilAllFinalAsync(hosts[0].Services, chat, time, clock);
        var total = clock.Elapsed.TotalSeconds;
        var duplicates = chat.PerPerson.Count(p => p.Value > 1);
        Console.WriteLine($"{chat.Delivered:N0} digests posted to {chat.PerPerson.Count:N0} of {teams:N0} team channels in {total:F1} s in all ({chat.Delivered / total:F0}/s); missing {teams - chat.PerPerson.Count}, duplicated {duplicates}");
        Console.WriteLine($"peak working set of this process (all {hostCount} hosts): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB; load {Load()}");
        await stop.CancelAsync();
        await BenchHosts.StopAsync(hosts);
        return chat.PerPerson.Count == teams && duplicates == 0 ? 0 : 1;
    }

    private static async Task ExecuteAsync(string connection, params string[] statements)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
