using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;
using KpiBot.Testing.Engine;

namespace KpiBot.Core.Tests.Engine;

/// <summary>
/// "Later": a rep snoozes a card (30 min, 1 h, 2 h, or until a time today) and gets it again then, once, through a
/// delivery row like any prompt. Thursday 26 November 2026 in Tokyo: the sales team's daily prompt is at 17:30
/// (08:30 UTC), its reminder two hours later.
/// </summary>
public class SnoozeTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static async Task<(EngineWorld World, CheckInPromptView Card)> PromptedAsync()
    {
        var world = new EngineWorld(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 8, 35, 0, TimeSpan.Zero));
        return (world, world.CardSentTo("tanaka", Thursday));
    }

    private static Task<ChatReply> LaterAsync(EngineWorld world, CheckInPromptView card, string when) =>
        world.Conversations.HandleAsync(
            EngineAddresses.Submission("tanaka", card, new Dictionary<string, string?>(), CardAction.Later, null) with { Later = when },
            CancellationToken.None);

    [Fact]
    public async Task Later1h_OnTheCard_SendsTheCardAgainOnceAnHourLater_AndSaysWhen()
    {
        var (world, card) = await PromptedAsync();

        var reply = await LaterAsync(world, card, "1h");
        await world.SendQueuedAsync();

        // 17:35 in Tokyo + 1 h; the card stays as it is (it can still be answered now).
        Assert.Contains("18:35", reply.Replies.Single().View.Text);
        Assert.Null(reply.CardUpdate);
        Assert.Single(world.Chat.To("tanaka"));
        var row = world.Deliveries.All.Single(d => d.Occurrence.Kind == OccurrenceKind.DailySnooze);
        Assert.Equal("DailySnooze:tanaka:2026-11-26", row.Occurrence.Key);
        Assert.Equal(DeliveryState.Pending, row.State);

        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));
        Assert.Single(world.Chat.To("tanaka"));

        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 9, 36, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));
        var again = world.Log.Where(l => l.Message.PersonId == "tanaka").Skip(1).ToList();
        var (at, message) = Assert.Single(again);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 35, 0, TimeSpan.Zero), at);
        var reminder = Assert.IsType<ReminderView>(message.View);
        Assert.Equal("ご依頼どおり、11月26日（木）のチェックインをもう一度お送りします。", reminder.Text);
        Assert.Equal(card.OccurrenceKey, reminder.Prompt.OccurrenceKey);

        // Asking again is refused: a card comes back once. The ordinary reminder at 19:30 still comes.
        var second = await LaterAsync(world, reminder.Prompt, "30m");
        Assert.Contains("再送は1回だけ", second.Replies.Single().View.Text);
        Assert.Contains("18:35", second.Replies.Single().View.Text);
        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 10, 35, 0, TimeSpan.Zero));
        Assert.Equal(3, world.Chat.To("tanaka").Count);
        Assert.IsType<ReminderView>(world.Chat.To("tanaka")[2].View);
    }

    [Fact]
    public async Task ASnoozedCard_AnsweredInTheMeantime_IsNotSentAgain()
    {
        var (world, card) = await PromptedAsync();
        await LaterAsync(world, card, "30m");

        await world.AnswerAsync("tanaka", card, new Dictionary<string, string?> { [card.Lines[0].KdiId] = "30" });
        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));

        Assert.DoesNotContain(world.Chat.To("tanaka"), m => m.View is ReminderView);
        var row = world.Deliveries.All.Single(d => d.Occurrence.Kind == OccurrenceKind.DailySnooze);
        Assert.Equal(DeliveryState.Skipped, row.State);
    }

    [Fact]
    public async Task LaterUntilATime_TypedInJapanese_AsksAgainAtThatTime()
    {
        var (world, _) = await PromptedAsync();

        var reply = await world.SayAsync("tanaka", "あとで 19時");
        Assert.Equal("承知しました。11月26日（木）のチェックインを 19:00 にもう一度お送りします。", reply.Replies.Single().View.Text);

        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 10, 5, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));
        var again = world.Log.Where(l => l.Message.PersonId == "tanaka").Skip(1).ToList();
        var (at, message) = Assert.Single(again);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), at);
        Assert.Equal("ご依頼どおり、11月26日（木）のチェックインをもう一度お送りします。", message.View.Text);
    }

    [Fact]
    public async Task InEnglish_TheReplyAndTheCardAgainSayTheDayAndTime()
    {
        // Emily (New York) gets her Thursday prompt at 17:30 EST (22:30 UTC).
        var world = new EngineWorld(new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero));
        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 26, 22, 35, 0, TimeSpan.Zero));
        var card = world.CardSentTo("emily", Thursday);

        var reply = await world.Conversations.HandleAsync(
            EngineAddresses.Submission("emily", card, new Dictionary<string, string?>(), CardAction.Later, null) with { Later = "2h" },
            CancellationToken.None);
        await world.RunUntilAsync(new DateTimeOffset(2026, 11, 27, 0, 40, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));

        Assert.Equal("OK: I will send your check-in for Thu 26 Nov again at 19:35.", reply.Replies.Single().View.Text);
        var again = world.Log.Single(l => l.Message.PersonId == "emily" && l.Message.View.Text.StartsWith("As you asked", StringComparison.Ordinal));
        Assert.Equal("As you asked, here is your check-in for Thu 26 Nov again.", again.Message.View.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 35, 0, TimeSpan.Zero), again.At);
    }

    [Theory]
    [InlineData("tomorrow", "「tomorrow」は指定できません")]
    [InlineData("17:00", "17:00 は今日はもう過ぎています")]
    [InlineData("13h", "12時間まで")]
    [InlineData("", "30m・1h・2h")]
    public async Task AWrongTime_IsRefusedWithWhatWouldWork_AndNothingIsQueued(string when, string expected)
    {
        var (world, _) = await PromptedAsync();
        var reply = await world.SayAsync("tanaka", ("later " + when).Trim());

        Assert.Contains(expected, reply.Replies.Single().View.Text);
        Assert.DoesNotContain(world.Deliveries.All, d => d.Occurrence.Kind == OccurrenceKind.DailySnooze);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("30 min", 30)]
    [InlineData("in 2 hours", 120)]
    [InlineData("1h", 60)]
    [InlineData("90分", 90)]
    [InlineData("1時間", 60)]
    [InlineData("18:45", 70)]
    [InlineData("18時45分", 70)]
    public void Parse_ReadsWaitsAndClockTimes_InThePersonsZone(string when, int minutes)
    {
        var now = new DateTimeOffset(2026, 11, 26, 8, 35, 0, TimeSpan.Zero);   // 17:35 in Tokyo
        var (at, error) = Snoozes.Parse(when, now, Core.Calendar.Zones.Find("Asia/Tokyo"));

        Assert.Null(error);
        Assert.Equal(now.AddMinutes(minutes), at);
    }
}
