using System.Diagnostics;
using KpiBot.Benchmarks;
using KpiBot.Testing.Engine;
using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Host.Hosting;
using KpiBot.Host.Jobs;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

// Fan-out: N reps due in the same minute, claimed by the dispatcher and sent by Hangfire's workers on
// PostgreSQL, against a chat stand-in with or without a rate limit. Usage:
//   fanout [people=50000] [hosts=2] [workers=8] [rate per second, 0 = unlimited] [hangfire|direct]
// "direct" measures the engine alone: an in-process queue instead of Hangfire, same stores and sender.
// Inbound (Slack slash command and Teams invoke under wrk): see InboundBenchmark. Usage:
//   inbound [sqlite|postgres] [runs=3] [seconds=15] [warmup=5]
// Weekly digest of 1,000 teams over a year of check-ins: see DigestBenchmark. Usage:
//   digest seed|run|drop [teams=1000] [reps per team=10] [hosts=2] [workers=8]
// A lead's /kpi status over Slack on an existing database (bench/team-page.sh): see StatusBenchmark. Usage:
//   status CONNECTION-STRING PERSON [requests=200]
// Where a team's rollup and team page spend their time, step by step (same database): see RollupProfile. Usage:
//   rollup CONNECTION-STRING TEAM [rounds=50]
if (args is ["inbound", ..])
{
    Environment.ExitCode = await InboundBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["status", ..])
{
    Environment.ExitCode = await StatusBenchmark.RunAsync(args[1..]);
    return;
}

if (args is ["rollup", ..])
{
    Environment.ExitCode = await RollupProfile.RunAsync(args[1..]);
    return;
}

if (args is ["digest", ..])
{
    Environment.ExitCode = await DigestBenchmark.RunAsync(args[1..]);
    return;
}

var people = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
var hostCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2;
var workers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8;
var rate = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0;
var direct = args.Length > 4 && args[4] == "direct";
var channelQueue = new ChannelDeliveryQueue();
using var stop = new CancellationTokenSource();

await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
var due = new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);   // Monday 17:30 in Tokyo
var time = new FakeTimeProvider(due.AddSeconds(30));
var chat = new CountingChatPort(rate > 0 ? rate : null);
var model = FanOutGoals.Build(people);

var hosts = await BenchHosts.StartAsync(db.Settings, hostCount, workers, chat, time, direct ? channelQueue : null, async services =>
{
    await using var scope = services.CreateAsyncScope();
    var import = Stopwatch.StartNew();
    await scope.ServiceProvider.GetRequiredService<GoalsStore>().ImportAsync(model, "fanout.yaml", new string('0', 64), "bench", time.GetUtcNow(), CancellationToken.None);
    Console.WriteLine($"import of {people:N0} people: {import.Elapsed.TotalSeconds:F1} s");
}, stop.Token);

var clock = Stopwatch.StartNew();
DispatchResult dispatched;
await using (var scope = hosts[0].Services.CreateAsyncScope())
{
    dispatched = await scope.ServiceProvider.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None);
}

var claimSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"dispatcher: {dispatched.Due:N0} due, {dispatched.Claimed:N0} claimed and queued in {claimSeconds:F1} s");

await BenchHosts.WaitUntilAllFinalAsync(hosts[0].Services, chat, time, clock);
var total = clock.Elapsed.TotalSeconds;
var duplicates = chat.PerPerson.Count(p => p.Value > 1);
var missing = people - chat.PerPerson.Count;
Console.WriteLine($"sent {chat.Delivered:N0} prompts to {chat.PerPerson.Count:N0} of {people:N0} people in {total:F1} s: {chat.Delivered / total:F0}/s overall, {chat.Delivered / (total - claimSeconds):F0}/s after the claim");
Console.WriteLine($"lost {missing}, duplicated {duplicates}, rate-limited answers {chat.Limited:N0}" + (rate > 0 ? $", allowed {rate}/s → achieved {chat.Delivered / total / rate:P0} of the allowed rate" : ""));
Console.WriteLine($"peak working set of this process (all {hostCount} hosts): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
await stop.CancelAsync();
await BenchHosts.StopAsync(hosts);
