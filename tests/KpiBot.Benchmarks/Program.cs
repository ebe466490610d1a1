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
if (args is ["inbound", ..])
{
    Environment.ExitCode = await InboundBenchmark.RunAsync(args[1..]);
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

var hosts = new List<IHost>();
for (var i = 0; i < hostCount; i++)
{
    var builder = Host.CreateApplicationBuilder();
    KpiBotConfiguration.AddDefaults(builder.Configuration);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(db.Settings)
    {
        ["KpiBot:ImportSampleWhenEmpty"] = "false",
        ["Jobs:WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jobs:RunServer"] = direct ? "false" : "true",
        ["Jobs:PollInterval"] = "00:00:00.200",
        ["Delivery:MaxAttempts"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    });
    var storage = StorageSettings.From(builder.Configuration).ToStorageOptions();
    builder.AddKpiBotServices(storage);
    builder.AddKpiBotJobs(storage);
    builder.Services.RemoveAll<IChatPort>();
    builder.Services.AddSingleton<IChatPort>(chat);
    builder.Services.RemoveAll<TimeProvider>();
    builder.Services.AddSingleton<TimeProvider>(time);
    if (direct)
    {
        builder.Services.RemoveAll<IDeliveryQueue>();
        builder.Services.AddSingleton<IDeliveryQueue>(channelQueue);
    }

    var host = builder.Build();
    if (i == 0)
    {
        await KpiBotDatabase.MigrateAsync(host.Services, CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var import = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<GoalsStore>().ImportAsync(model, "fanout.yaml", new string('0', 64), "bench", time.GetUtcNow(), CancellationToken.None);
        Console.WriteLine($"import of {people:N0} people: {import.Elapsed.TotalSeconds:F1} s");
    }

    await host.StartAsync();
    hosts.Add(host);
    if (direct)
    {
        channelQueue.StartWorkers(host.Services, workers, stop.Token);
    }
}

var clock = Stopwatch.StartNew();
DispatchResult dispatched;
await using (var scope = hosts[0].Services.CreateAsyncScope())
{
    dispatched = await scope.ServiceProvider.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None);
}

var claimSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"dispatcher: {dispatched.Due:N0} due, {dispatched.Claimed:N0} claimed and queued in {claimSeconds:F1} s");

var lastReport = 0L;
while (true)
{
    await Task.Delay(1000);
    await using var scope = hosts[0].Services.CreateAsyncScope();
    var open = await scope.ServiceProvider.GetRequiredService<KpiBotDbContext>().Deliveries
        .CountAsync(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Preparing || d.State == DeliveryState.Sending);
    var delivered = chat.Delivered;
    Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F0} s  sent {delivered,7:N0}  (+{delivered - lastReport:N0}/s)  rate-limited answers {chat.Limited:N0}  open {open:N0}");
    lastReport = delivered;
    if (open == 0)
    {
        break;
    }

    // Retries after a 429 are scheduled at the platform's Retry-After on the fake clock: keep it moving.
    time.Advance(TimeSpan.FromSeconds(1));
}

var total = clock.Elapsed.TotalSeconds;
var duplicates = chat.PerPerson.Count(p => p.Value > 1);
var missing = people - chat.PerPerson.Count;
Console.WriteLine($"sent {chat.Delivered:N0} prompts to {chat.PerPerson.Count:N0} of {people:N0} people in {total:F1} s: {chat.Delivered / total:F0}/s overall, {chat.Delivered / (total - claimSeconds):F0}/s after the claim");
Console.WriteLine($"lost {missing}, duplicated {duplicates}, rate-limited answers {chat.Limited:N0}" + (rate > 0 ? $", allowed {rate}/s → achieved {chat.Delivered / total / rate:P0} of the allowed rate" : ""));
Console.WriteLine($"peak working set of this process (all {hostCount} hosts): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB");
await stop.CancelAsync();
foreach (var host in hosts)
{
    await host.StopAsync();
    host.Dispose();
}
