using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

public class RemindAndStartTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Remind_NudgesOnlyThoseWhoHaveNotAnswered_AndNobodyTwice()
    {
        var world = new LeadWorld();
        await world.SeedTodayAsync();
        var remind = new RemindCommand(world.CheckIns, world.Deliveries, world.Deliveries);

        var first = await remind.HandleAsync(world.Context("chiba"), "", Ct);
        var second = await remind.HandleAsync(world.Context("chiba"), "", Ct);

        // aoki answered, cato is off: baba and dan are nudged.
        Assert.Equal("Nudged 2 people who have not answered today.", first.Replies[0].View.Text);
        Assert.Equal(
            "Nudged 0 people who have not answered today. 2 had already been nudged today and were not nudged again.",
            second.Replies[0].View.Text);
        var reminders = world.Deliveries.All.Where(d => d.Occurrence.Kind == OccurrenceKind.DailyReminder).ToList();
        Assert.Equal(["DailyReminder:baba:2026-11-10", "DailyReminder:dan:2026-11-10"], reminders.Select(r => r.Occurrence.Key).Order());
        Assert.Equal(reminders.Select(r => r.Id).Order(), world.Deliveries.Queued.Order());
        Assert.Empty(await world.Deliveries.StrandedAsync(LeadWorld.Now.AddDays(1), 10, Ct));   // marked enqueued
    }

    [Fact]
    public async Task Remind_WhenEveryoneAnswered_SaysThereIsNobody_InJapanese()
    {
        var world = new LeadWorld();
        foreach (var rep in new[] { "aoki", "baba", "cato", "dan" })
        {
            await world.Record(rep, LeadWorld.Today, 1m);
        }

        var reply = await new RemindCommand(world.CheckIns, world.Deliveries, world.Deliveries)
            .HandleAsync(world.Context("chiba", culture: Localized.Japanese), "", Ct);

        Assert.Equal("リマインドの対象者はいません。本日は全員が回答済みか休みです。", reply.Replies[0].View.Text);
        Assert.Empty(world.Deliveries.All);
    }

    [Fact]
    public async Task Start_SendsTodaysPromptsWithTheSchedulesKeys_AndSaysWhatHappenedToEachPerson()
    {
        var world = new LeadWorld([new Person("emi", "Emi", "emi@example.com", Role.Rep, "tokyo"), new Person("gen", "Gen", "gen@example.com", Role.Rep, "tokyo")]);
        await world.SeedTodayAsync();
        // The schedule already sent aoki's prompt today; emi has no chat account; gen's account was deactivated.
        var sent = await world.Deliveries.ClaimAsync([new Occurrence(OccurrenceKind.DailyPrompt, "aoki", LeadWorld.Today, LeadWorld.Now)], LeadWorld.Now, Ct);
        await world.Deliveries.BeginSendAsync(sent[0], LeadWorld.Now, Ct);
        await world.Deliveries.CompleteAsync(sent[0], 1, KpiBot.Core.Delivery.DeliveryState.Sent, null, null, LeadWorld.Now, Ct);
        world.Chat.Script("emi", new KpiBot.Core.Chat.SendOutcome.Unreachable("no_chat_identity"));
        world.Chat.Script("gen", new KpiBot.Core.Chat.SendOutcome.Unreachable("account_inactive"));
        var start = world.Start();

        var first = await start.HandleAsync(world.Context("chiba"), "", Ct);
        var second = await start.HandleAsync(world.Context("chiba"), "", Ct);

        // cato is off. Only baba and dan were sent a prompt now — not "sent to 4".
        Assert.Equal(
            "Today's prompts for tokyo:\n"
            + "・Sent (2): baba, dan\n"
            + "・Had already received it (1): aoki\n"
            + "・Not found in chat (1): Emi — no Slack or Teams account with the email in the goals file; link them by hand or fix the email\n"
            + "・Could not be reached (1): Gen (account deactivated)",
            first.Replies[0].View.Text);
        Assert.Equal(KpiBot.Core.Conversations.ReplyVisibility.Private, first.Replies[0].Visibility);
        Assert.Equal(["baba", "dan"], world.Chat.Sent.Select(m => m.PersonId).Order());
        Assert.Equal(
            "Today's prompts for tokyo:\n"
            + "・Had already received it (3): aoki, baba, dan\n"
            + "・Not found in chat (1): Emi — no Slack or Teams account with the email in the goals file; link them by hand or fix the email\n"
            + "・Could not be reached (1): Gen (account deactivated)",
            second.Replies[0].View.Text);
        Assert.Equal(2, world.Chat.Sent.Count);
        Assert.Null(await world.Deliveries.FindAsync("DailyPrompt:cato:2026-11-10", Ct));
    }

    [Fact]
    public async Task Start_WhenTheSendsTakeLonger_SaysWhoIsStillBeingSentTo_InJapanese()
    {
        var world = new LeadWorld();
        var start = new StartCommand(world.CheckIns, world.Deliveries, world.Deliveries, new KpiBot.Core.Delivery.DeliveryOptions { StartReportWait = TimeSpan.Zero });

        var reply = await start.HandleAsync(world.Context("chiba", culture: Localized.Japanese), "", Ct);

        Assert.Equal(
            "tokyoの本日の入力依頼：\n・送信中（4人）：aoki、baba、cato、dan — 届かなかった人は status で確認できます",
            reply.Replies[0].View.Text);
        Assert.Equal(4, world.Deliveries.Queued.Count);
    }

    [Fact]
    public async Task Start_UsesEachRepsLocalToday()
    {
        // 02:00 UTC on 10 November is 11:00 on the 10th in Tokyo and 21:00 on the 9th in New York.
        var world = new LeadWorld([new Person("nina", "nina", "nina@example.com", Role.Rep, "tokyo", TimeZone: "America/New_York")]);
        var context = world.Context("chiba") with { Now = new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero) };

        await world.Start().HandleAsync(context, "", Ct);

        Assert.NotNull(await world.Deliveries.FindAsync("DailyPrompt:nina:2026-11-09", Ct));
        Assert.NotNull(await world.Deliveries.FindAsync("DailyPrompt:aoki:2026-11-10", Ct));
    }

    [Fact]
    public async Task Start_OnAHoliday_SendsNothing()
    {
        var world = new LeadWorld();
        var context = world.Context("chiba") with { Today = new DateOnly(2026, 11, 3), Now = new DateTimeOffset(2026, 11, 3, 1, 0, 0, TimeSpan.Zero) };

        var reply = await world.Start().HandleAsync(context, "", Ct);

        Assert.Equal("Nobody to prompt today: it is not a working day for the team, or everyone is off.", reply.Replies[0].View.Text);
        Assert.Empty(world.Deliveries.All);
    }

    [Fact]
    public void RemindAndStart_AreForLeads()
    {
        var world = new LeadWorld();

        Assert.Equal(Role.Lead, new RemindCommand(world.CheckIns, world.Deliveries, world.Deliveries).MinimumRole);
        Assert.Equal(Role.Lead, new StartCommand(world.CheckIns, world.Deliveries, world.Deliveries).MinimumRole);
        Assert.IsType<HelpItem>(new StartCommand(world.CheckIns, world.Deliveries, world.Deliveries).Help(Localized.Japanese));
    }
}
