using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Engine;
using KpiBot.Testing.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Host.Tests.Engine;

/// <summary>
/// Two KpiBot hosts with their own Hangfire servers on one PostgreSQL, as a real deployment runs: each prompt
/// goes out once whoever dispatches, a host stopped in the middle of a fan-out loses nothing and repeats
/// nothing, and a day of the sample team works end to end.
/// </summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private static readonly DateOnly Mon = new(2026, 11, 30);
    private readonly InMemoryChatPort _chat = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 31, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static DateTimeOffset Utc(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private int PromptsTo(string personId) => _chat.To(personId).Count(m => m.View is CheckInPromptView { Cadence: KdiCadence.Daily });

    [Fact]
    public async Task TwoHostsDispatchingTheSameMinute_SendEachPromptOnce()
    {
        await using var a = EngineHost.Start(_db, _time, _chat, recurring: false);
        await using var b = EngineHost.Start(_db, _time, _chat, recurring: false);

        // Monday 17:31 in Tokyo: the sales reps' prompts are due. Both hosts dispatch at once, three times.
        var runs = await Task.WhenAll(a.DispatchAsync(), b.DispatchAsync(), a.DispatchAsync(), b.DispatchAsync());
        await a.DrainAsync();

        Assert.Equal(1, PromptsTo("tanaka"));
        Assert.Equal(1, PromptsTo("suzuki"));
        Assert.Equal(0, PromptsTo("emily"));   // 17:30 in New York is later
        var claimed = runs.Sum(r => r.Claimed);
        var rows = await a.InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().Deliveries.CountAsync());
        Assert.Equal(rows, claimed);           // every row was claimed by exactly one of the runs
    }

    [Fact]
    public async Task AHostStoppedMidFanOut_TheNextHostSendsTheRest_AndNobodyTwice()
    {
        // Host A (no job server) claims and queues the prompts, then stops before anything is sent.
        await using (var a = EngineHost.Start(_db, _time, _chat, runServer: false))
        {
            await a.DispatchAsync();

            // And it died between a claim and its enqueue: Emily's prompt is claimed with no send job.
            await a.InScopeAsync(s => s.GetRequiredService<IDeliveryStore>().ClaimAsync(
                [new Occurrence(OccurrenceKind.DailyPrompt, "emily", Mon, Utc(Mon, 8, 31))], _time.GetUtcNow(), CancellationToken.None));
        }

        Assert.Empty(_chat.Sent);

        await using var b = EngineHost.Start(_db, _time, _chat);
        await b.DrainAsync();   // B's workers take over A's queued jobs…
        Assert.Equal(1, PromptsTo("tanaka"));
        Assert.Equal(1, PromptsTo("suzuki"));
        Assert.Equal(0, PromptsTo("emily"));

        _time.Advance(TimeSpan.FromMinutes(5));
        var run = await b.DispatchAsync();   // …and its dispatcher hands the stranded claim over.
        await b.DrainAsync();

        Assert.Equal(1, run.Stranded);
        Assert.Equal(1, PromptsTo("tanaka"));
        Assert.Equal(1, PromptsTo("suzuki"));
        Assert.Equal(1, PromptsTo("emily"));
    }

    [Fact]
    public async Task ADayOfTheSalesTeam_OnTwoHosts_PromptsRemindsAnswersReportsAndDigestsOnce()
    {
        _time.AdjustTime(Utc(Mon.AddDays(-1), 23, 45));
        await using var a = EngineHost.Start(_db, _time, _chat);
        await using var b = EngineHost.Start(_db, _time, _chat);
        var hosts = new[] { a, b };
        var turn = 0;

        async Task<ChatReply> SayAsync(string person, string text, ConversationAddress? channel = null) =>
            await hosts[turn++ % 2].InScopeAsync(s => s.GetRequiredService<ConversationService>().HandleAsync(
                new IncomingMessage(
                    new ChatUser(Platforms.Test, "tenant", "U-" + person), channel ?? new ConversationAddress(Platforms.Test, "tenant", "dm:" + person),
                    channel is null ? ConversationKind.Personal : ConversationKind.Channel, text, Email: $"{person}@example.co.jp"),
                CancellationToken.None));

        async Task RunUntilAsync(DateTimeOffset until)
        {
            while (_time.GetUtcNow() < until)
            {
                _time.Advance(TimeSpan.FromMinutes(5));
                await Task.WhenAll(a.DispatchAsync(), b.DispatchAsync());
                await a.DrainAsync();
            }
        }

        var channel = new ConversationAddress(Platforms.Test, "tenant", "C-sales");
        await SayAsync("yamamoto", "link sales", channel);
        await RunUntilAsync(Utc(Mon, 0, 10));   // Monday 09:00 JST: last week's digest

        await RunUntilAsync(Utc(Mon, 8, 35));   // 17:30 JST prompts
        var card = _chat.To("tanaka").Select(m => m.View).OfType<CheckInPromptView>().Single();
        var receipt = await hosts[turn++ % 2].InScopeAsync(s => s.GetRequiredService<ConversationService>().HandleAsync(
            new CardSubmission(
                new ChatUser(Platforms.Test, "tenant", "U-tanaka"), new ConversationAddress(Platforms.Test, "tenant", "dm:tanaka"), CardAction.Submit,
                card.OccurrenceKey, card.WorkDay, card.CardVersion, new Dictionary<string, string?> { ["daily-calls"] = "24", ["intro-emails"] = "3" },
                null, false, "sub-1", Email: "tanaka@example.co.jp", PersonId: card.PersonId),
            CancellationToken.None));
        Assert.IsType<CheckInReceiptView>(receipt.CardUpdate);

        await RunUntilAsync(Utc(Mon, 11));      // reminders at 19:30 JST
        var status = Assert.Single((await SayAsync("sato", "status")).Replies).View;
        await RunUntilAsync(Utc(Mon.AddDays(1), 1));   // Emily's day in New York, and her reminder time

        Assert.Equal(1, PromptsTo("tanaka"));
        Assert.Equal(1, PromptsTo("suzuki"));
        Assert.Equal(1, PromptsTo("emily"));
        Assert.DoesNotContain(_chat.To("tanaka"), m => m.View is ReminderView);
        Assert.Single(_chat.To("suzuki"), m => m.View is ReminderView);
        Assert.Single(_chat.To("emily"), m => m.View is ReminderView);
        Assert.Contains("鈴木 美咲", status.Text, StringComparison.Ordinal);
        Assert.Single(_chat.Sent, m => m.View is DigestView && m.Conversation == channel);
        // The lead is asked for November's results (16:00 JST, the month's last working day) and reminded, each once.
        Assert.Single(_chat.To("sato"), m => m.View is ReportFormView { Intro: { } ask } && ask.StartsWith("実績の報告をお願いします", StringComparison.Ordinal));
        Assert.Single(_chat.To("sato"), m => m.View is ReportFormView { Intro: { } ask } && ask.StartsWith("リマインド", StringComparison.Ordinal));
        var stored = await a.InScopeAsync(s => s.GetRequiredService<KpiBot.Core.CheckIns.ICheckInRepository>().GetDayAsync("tanaka", Mon, CancellationToken.None));
        Assert.Equal(24m, stored.Single(e => e.NodeId == "daily-calls").Value);
    }

    [Fact]
    public async Task AWeekOfCheckIns_OnTwoHostsWithHangfireOnPostgres_IsTheSameAsInMemory()
    {
        await using var driver = await TwoHostDriver.StartAsync(_db, WeekScenario.Start);

        await WeekScenario.RunAsync(driver);
    }
}
