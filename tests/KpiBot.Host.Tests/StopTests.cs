using KpiBot.Core.Delivery;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Engine;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests;

/// <summary>
/// The real executable in a child process, stopped as an orchestrator or a terminal stops it: one signal or two
/// in a row, idle or in the middle of a fan-out. A clean stop exits 0, Hangfire stops its workers in order, and
/// what was not sent is handed back, never lost or sent twice.
/// </summary>
public class StopTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "kpibot.dll");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("TERM", "serve")]
    [InlineData("INT", "")]
    [InlineData("TERM TERM", "serve")]
    [InlineData("INT TERM", "")]
    public async Task Host_SignalledOnceOrTwice_StopsInOrderAndExitsZero(string signals, string command)
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = HostProcess.Start(Dll, Settings(db), command.Length > 0 ? [command] : []);
        await host.WaitHealthyAsync(StartTimeout);

        foreach (var signal in signals.Split(' '))
        {
            host.Signal(signal);
            await Task.Delay(50);
        }

        var exit = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        AssertStoppedInOrder(exit, host.Output);
    }

    [Fact]
    public async Task Host_SignalledInTheMiddleOfAFanOut_FinishesWhatIsOnTheWire_HandsBackTheRest_AndNothingIsSentTwice()
    {
        const int People = 60;
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        await using var slack = await FakeSlackApi.StartAsync();
        for (var i = 0; i < People; i++)
        {
            slack.AddUser($"U{i:D6}", $"rep{i:D6}@example.com");
        }

        // A slow platform: each post takes a second, so the stop finds posts on the wire and more queued.
        slack.Delay("chat.postMessage", TimeSpan.FromSeconds(1));
        var due = new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);   // Monday 17:30 in Tokyo
        await using var driver = Driver(db, due.AddSeconds(30));
        await driver.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<GoalsStore>()
            .ImportAsync(FanOutGoals.Build(People), "fanout.yaml", new string('0', 64), "test", due, CancellationToken.None);

        var settings = new Dictionary<string, string?>(Settings(db))
        {
            ["Slack:BotToken"] = "xoxb-stop",
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
            ["KpiBot:ShutdownTimeout"] = "00:00:15",
            ["Delivery:SendBatchSize"] = "10",
            ["Delivery:SendParallelism"] = "2",
            ["Jobs:WorkerCount"] = "2",
        };
        string firstOutput;
        await using (var first = HostProcess.Start(Dll, settings))
        {
            await first.WaitHealthyAsync(StartTimeout);
            await using (var scope = driver.Services.CreateAsyncScope())
            {
                Assert.Equal(People, (await scope.ServiceProvider.GetRequiredService<Dispatcher>().RunAsync(CancellationToken.None)).Claimed);
            }

            await WaitAsync(() => Task.FromResult(slack.Of("chat.postMessage").Count >= 2), "the first posts");
            first.Signal("TERM");
            AssertStoppedInOrder(await first.WaitForExitAsync(TimeSpan.FromSeconds(60)), first.Output);
            firstOutput = first.Output;
        }

        // Nothing was cut off on the wire (that would leave Sending, then Unknown), and some work was handed back.
        var states = await StatesAsync(db);
        Assert.True(states.GetValueOrDefault(DeliveryState.Sending) + states.GetValueOrDefault(DeliveryState.Unknown) == 0, $"{Describe(states)}\n{firstOutput}");
        Assert.True(states.GetValueOrDefault(DeliveryState.Pending) > 0, $"everything was sent before the stop; the test proves nothing: {Describe(states)}");
        Assert.Equal(states.GetValueOrDefault(DeliveryState.Sent), slack.Of("chat.postMessage").Count);

        // The next host sends the rest: each person exactly once.
        await using (var second = HostProcess.Start(Dll, settings))
        {
            await second.WaitHealthyAsync(StartTimeout);
            await WaitAsync(async () => (await StatesAsync(db)).GetValueOrDefault(DeliveryState.Sent) == People, "every prompt sent", TimeSpan.FromMinutes(2));
        }

        var posts = slack.Of("chat.postMessage").Select(c => c.Json["channel"]!.GetValue<string>()).ToList();
        Assert.Equal(People, posts.Count);
        Assert.Equal(People, posts.Distinct(StringComparer.Ordinal).Count());
    }

    private static Dictionary<string, string?> Settings(TestDatabase db) => new(db.Settings)
    {
        ["KpiBot:ImportSampleWhenEmpty"] = "false",
        ["Jobs:PollInterval"] = "00:00:00.500",
        // Hangfire says at Information whether its workers stopped in order ("All dispatchers stopped").
        ["Logging:LogLevel:Hangfire"] = "Information",
    };

    private static void AssertStoppedInOrder(int exit, string output)
    {
        Assert.True(exit == 0, $"exit {exit}:\n{output}");
        Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
        Assert.Contains("All dispatchers stopped", output, StringComparison.Ordinal);
        Assert.DoesNotContain("non-gracefully", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ProcessExit", output, StringComparison.Ordinal);
    }

    /// <summary>A host in this process that only claims and queues (no job server), its clock at the fan-out's minute.</summary>
    private static WebApplicationFactory<Program> Driver(TestDatabase db, DateTimeOffset now)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in Settings(db))
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("Jobs:RunServer", "false");
            b.UseSetting("Delivery:SendBatchSize", "10");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        });
        _ = factory.Server;   // migrations
        return factory;
    }

    private static async Task<Dictionary<DeliveryState, int>> StatesAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.Deliveries.GroupBy(d => d.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    private static string Describe(Dictionary<DeliveryState, int> states) => string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"));

    private static async Task WaitAsync(Func<Task<bool>> done, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (!await done())
        {
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }
}
