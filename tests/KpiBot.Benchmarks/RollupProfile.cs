using System.Diagnostics;
using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Goals;
using KpiBot.Core.Rollup;
using KpiBot.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Benchmarks;

/// <summary>
/// Where a team's rollup spends its time, in process on an existing database (bench/team-page.sh's data): the
/// time off read, each totals query of the plan, and the pure computation, each timed over R rounds after a
/// warm-up. Usage: <c>rollup CONNECTION TEAM [rounds=50]</c>.
/// </summary>
internal static class RollupProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = args[0];
        var teamId = args[1];
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        string[] arguments =
        [
            "--Logging:LogLevel:Default=Warning", "--Storage:Provider=Postgres", $"--ConnectionStrings:KpiBot={connection}",
            "--KpiBot:ImportSampleWhenEmpty=false", "--Jobs:RunServer=false",
        ];
        var app = KpiBotWebApplication.Build(arguments);
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var timings = new Dictionary<string, List<double>>();
        void Note(string what, double ms)
        {
            if (!timings.TryGetValue(what, out var list))
            {
                timings[what] = list = [];
            }

            list.Add(ms);
        }

        for (var round = -10; round < rounds; round++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var model = (await services.GetRequiredService<IGoalsProvider>().CurrentAsync(CancellationToken.None))!;
            var team = model.TeamsById[teamId];
            var days = services.GetRequiredService<IDayStore>();
            var totals = services.GetRequiredService<ICheckInTotals>();
            var whole = Stopwatch.StartNew();
            var watch = Stopwatch.StartNew();
            var ids = model.MembersOf(teamId).Where(p => p.Role == Role.Rep).Select(p => p.Id).ToList();
            var from = model.Kgis.Select(k => k.Start).Append(asOf).Min();
            var to = model.Kgis.Select(k => k.Deadline).Concat(model.Kpis.Where(k => k.End is not null).Select(k => k.End!.Value)).Append(asOf).Max();
            var timeOff = await days.TimeOffAsync(ids, from, to, CancellationToken.None);
            var t1 = watch.Elapsed.TotalMilliseconds;
            var request = new RollupRequest(asOf, teamId, null, timeOff);
            watch.Restart();
            var plan = RollupCalculator.Plan(model, request);
            var t2 = watch.Elapsed.TotalMilliseconds;
            var actuals = new RollupActuals();
            var q = 0;
            foreach (var query in plan.Queries)
            {
                watch.Restart();
                var rows = await totals.GetTotalsAsync(query.Window, query.NodeIds, null, CancellationToken.None);
                actuals.Add(query.Window, rows);
                if (round >= 0)
                {
                    Note($"totals {q++} {query.Window.Start}..{query.Window.End} {query.NodeIds.Count} nodes {rows.Count} rows", watch.Elapsed.TotalMilliseconds);
                }
            }

            watch.Restart();
            var report = RollupCalculator.Compute(model, request, actuals);
            var t3 = watch.Elapsed.TotalMilliseconds;
            var t4 = whole.Elapsed.TotalMilliseconds;
            watch.Restart();
            var page = await services.GetRequiredService<TeamPageBuilder>().BuildAsync(model, team, asOf, asOf, CultureInfo.GetCultureInfo("ja-JP"), CancellationToken.None);
            var t5 = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var history = await days.HistoryAsync(ids, asOf.AddDays(-27), asOf, CancellationToken.None);
            var t6 = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var open = await services.GetRequiredService<IBlockerStore>().OpenAsync(ids, CancellationToken.None);
            var t7 = watch.Elapsed.TotalMilliseconds;
            if (round >= 0)
            {
                Note("time off", t1);
                Note("plan", t2);
                Note("compute", t3);
                Note("rollup in all", t4);
                Note($"history ({history.Count} person-days)", t6);
                Note($"open blockers ({open.Count})", t7);
                Note($"team page builder ({page.Rows.Count} rows, {report.Roots.Count} roots)", t5);
            }
        }

        foreach (var (what, list) in timings)
        {
            list.Sort();
            Console.WriteLine($"{what,-70} p50 {list[list.Count / 2],7:F1} ms  max {list[^1],7:F1} ms");
        }

        await app.DisposeAsync();
        return 0;
    }
}
