using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

public class CardSubmissionTests
{
    private static Dictionary<string, string?> Values(params (string Kdi, string? Value)[] values) =>
        values.ToDictionary(v => v.Kdi, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public async Task Submit_ValidValues_RecordsThemAll_AndReplacesTheCardWithTheReceipt()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        var reply = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "27"), ("intro-emails", "３")));

        var receipt = Assert.IsType<CheckInReceiptView>(reply.CardUpdate);
        Assert.Empty(reply.Replies);
        Assert.Equal("11月27日（金）の分を保存しました：架電数/日 27件（目標 20件）、新規紹介メール/日 3通（目標 3通）", receipt.Text);
        Assert.Equal("11月27日（金）のチェックイン", receipt.Title);
        Assert.Equal([27m / 20m, 1m], receipt.Lines.Select(l => l.Fraction));
        Assert.Equal(27m, harness.ValueOf("tanaka", "daily-calls", Friday));
        Assert.Equal(3m, harness.ValueOf("tanaka", "intro-emails", Friday));
        Assert.All(harness.Store.Entries, e => Assert.Equal("test", e.Source));
    }

    [Fact]
    public async Task Submit_InEnglish_WithANoteAndABlocker_TellsTheLeadsOnce()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("emily", Friday);

        var first = await harness.SubmitAsync("emily", card, Values(("daily-calls", "27"), ("intro-emails", "")), note: " Client away ", blocker: true);
        await harness.SubmitAsync("emily", card, Values(("daily-calls", "28")), note: "Client away", blocker: true);

        Assert.Equal("Saved for Fri 27 Nov: 架電数/日: 27 calls (target 20 calls)\nNote: Client away\nBlocker noted; your lead knows.", first.CardUpdate!.Text);
        // One notice for the leads, written and sent by delivery; the second answer keeps the same open blocker.
        Assert.Equal("BlockerNotice:emily:2026-11-27", Assert.Single(harness.Deliveries.All).Occurrence.Key);
        Assert.Null(harness.ValueOf("emily", "intro-emails", Friday)); // an empty field records nothing
        Assert.Single(await harness.Store.OpenAsync(["emily"], CancellationToken.None));
    }

    [Fact]
    public async Task Submit_AnAnswerWithoutBlocker_ResolvesTheOpenOne()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);
        await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "10")), blocker: true);

        await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "12")), confirmed: true);

        Assert.Empty(await harness.Store.OpenAsync(["tanaka"], CancellationToken.None));
    }

    [Theory]
    [InlineData("abc", "架電数/日：「abc」は数字ではありません。")]
    [InlineData("-1", "架電数/日：値は 0 以上にしてください(-1 が指定されました)。")]
    [InlineData("1.23456", "架電数/日：1.23456 は小数点以下が 4 桁を超えています。")]
    public async Task Submit_ABadValue_IsRefused_AndNothingIsRecorded(string typed, string message)
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        var reply = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", typed), ("intro-emails", "3")));

        var error = Assert.IsType<ErrorView>(Assert.Single(reply.Replies).View);
        Assert.Equal(message, error.Text);
        Assert.Equal("daily-calls", error.FieldKey);
        Assert.Equal(ReplyVisibility.Private, reply.Replies[0].Visibility);
        Assert.Null(reply.CardUpdate);
        Assert.Empty(harness.Store.Entries);
    }

    [Fact]
    public async Task Submit_AnotherTeamsKdi_OrNoValueAtAll_IsRefused()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("emily", Friday);

        var otherTeam = await harness.SubmitAsync("emily", card, Values(("calls", "10")));
        var empty = await harness.SubmitAsync("emily", card, Values(("daily-calls", " ")));

        Assert.Equal(
            "架電 250件/日: The KDI 'calls' belongs to team telemarketing, not to Emily Carter's team sales.",
            Assert.Single(otherTeam.Replies).View.Text);
        Assert.Equal("Enter at least one number, or skip the day.", Assert.Single(empty.Replies).View.Text);
        Assert.Empty(harness.Store.Entries);
    }

    [Fact]
    public async Task Submit_ForAFutureDay_IsRefused()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday.AddDays(1));

        var reply = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "5")));

        Assert.Equal("架電数/日：2026年11月28日（土） は未来の日付です。記録できるのは今日(2026年11月27日（金）)までです。", Assert.Single(reply.Replies).View.Text);
        Assert.Empty(harness.Store.Entries);
    }

    [Fact]
    public async Task Submit_MoreThanTenTimesTheTarget_AsksFirst_AndSavesWhenConfirmed()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        var asked = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "201")));
        var confirmed = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "201")), confirmed: true);

        var question = Assert.IsType<ConfirmView>(Assert.Single(asked.Replies).View);
        Assert.Equal("架電数/日：201件 は目標 20件 の 10 倍を超えています。正しければ確認してください。\nこのまま保存しますか？", question.Text);
        Assert.Equal(CardSubmissions.ConfirmCommand, question.ConfirmCommand);
        Assert.Equal("保存する", question.ConfirmLabel);
        Assert.Equal("11月27日（金）の分を保存しました：架電数/日 201件（目標 20件）", confirmed.CardUpdate!.Text);
        Assert.Equal(201m, harness.ValueOf("tanaka", "daily-calls", Friday));
    }

    [Fact]
    public async Task Submit_FromAStaleCard_ThatWouldOverwriteANewerAnswer_AsksFirst()
    {
        var harness = new ConversationHarness();
        var oldCard = await harness.CardAsync("tanaka", Friday);                        // version 0
        await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", Friday), Values(("daily-calls", "30")));

        var asked = await harness.SubmitAsync("tanaka", oldCard, Values(("daily-calls", "27")));

        var question = Assert.IsType<ConfirmView>(Assert.Single(asked.Replies).View);
        Assert.Equal(
            "架電数/日：このカードを開いた後に 30件 が保存されています。このカードの 27件 で上書きすることになります。\nこのまま保存しますか？",
            question.Text);
        Assert.Equal(30m, harness.ValueOf("tanaka", "daily-calls", Friday));

        await harness.SubmitAsync("tanaka", oldCard, Values(("daily-calls", "27")), confirmed: true);
        Assert.Equal(27m, harness.ValueOf("tanaka", "daily-calls", Friday));
    }

    [Fact]
    public async Task Submit_FromACurrentCard_UpdatesWithoutAsking()
    {
        var harness = new ConversationHarness();
        await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", Friday), Values(("daily-calls", "30")));

        var edited = await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", Friday), Values(("daily-calls", "27")));

        Assert.IsType<CheckInReceiptView>(edited.CardUpdate);
        Assert.Equal(2, harness.Store.Entries.Single().Revision);
    }

    [Fact]
    public async Task Submit_RetriedByThePlatform_AnswersTheSameReceipt_AndCountsOnce()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);
        var values = Values(("daily-calls", "27"), ("intro-emails", "3"));

        var first = await harness.SubmitAsync("tanaka", card, values, blocker: true);
        var retry = await harness.SubmitAsync("tanaka", card, values, blocker: true);

        Assert.Equal(first.CardUpdate!.Text, retry.CardUpdate!.Text);
        Assert.Equal(((CheckInReceiptView)first.CardUpdate).Lines, ((CheckInReceiptView)retry.CardUpdate).Lines);
        Assert.Equal(2, harness.Store.AuditCount);                        // two values written once each
        Assert.All(harness.Store.Entries, e => Assert.Equal(1, e.Revision));
        Assert.Single(harness.Deliveries.All);                           // the leads' notice, claimed once
        var totals = await harness.Store.GetTotalsAsync(new(Friday, Friday), ["daily-calls"], null, CancellationToken.None);
        Assert.Equal(27m, Assert.Single(totals).Sum);
    }

    [Fact]
    public async Task Submit_LateAnswer_CountsForTheDayTheCardAskedFor()
    {
        var harness = new ConversationHarness();
        var thursdayCard = await harness.CardAsync("tanaka", Friday.AddDays(-1));
        harness.Time.Advance(TimeSpan.FromDays(3));                          // Monday 30 November

        var reply = await harness.SubmitAsync("tanaka", thursdayCard, Values(("daily-calls", "27")));

        Assert.Equal("11月26日（木）の分を保存しました：架電数/日 27件（目標 20件）", reply.CardUpdate!.Text);
        Assert.Equal(new DateOnly(2026, 11, 26), Assert.Single(harness.Store.Entries).Day);
        var history = await harness.Store.HistoryAsync(["tanaka"], Friday.AddDays(-1), Friday.AddDays(3), CancellationToken.None);
        Assert.Equal([new PersonDay("tanaka", new DateOnly(2026, 11, 26), DayState.Answered)], history);
    }

    [Fact]
    public async Task Submit_OnANonWorkingDay_IsAcceptedForThatDay()
    {
        // Monday 30 November, 10:00 in Tokyo: Saturday the 28th is within the response window.
        var harness = new ConversationHarness(now: new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        var saturday = new DateOnly(2026, 11, 28);

        var reply = await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", saturday), Values(("daily-calls", "8")));

        Assert.IsType<CheckInReceiptView>(reply.CardUpdate);
        Assert.Equal(8m, harness.ValueOf("tanaka", "daily-calls", saturday));
    }

    [Fact]
    public async Task Submit_SomeoneElsesCard_IsRefused()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        var reply = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "27")), submitter: "suzuki");

        Assert.Equal("このカードは別の人のものです。回答できるのは自分のチェックインだけです。", Assert.Single(reply.Replies).View.Text);
        Assert.Empty(harness.Store.Entries);
    }

    [Fact]
    public async Task Submit_WeeklyCard_RecordsForTheWeeksFirstDay()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday, KdiCadence.Weekly);

        var reply = await harness.SubmitAsync("tanaka", card, Values(("sns-posts", "2")));

        Assert.Equal("11月23日（月）から始まる週の分を保存しました：SNS投稿 2回/週 2回（目標 2回）", reply.CardUpdate!.Text);
        Assert.Equal(2m, harness.ValueOf("tanaka", "sns-posts", new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task Skip_MarksTheDaySkipped_WithTheReason()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        var reply = await harness.SubmitAsync("tanaka", card, Values(), note: "客先訪問", action: CardAction.Skip);

        var receipt = Assert.IsType<CheckInReceiptView>(reply.CardUpdate);
        Assert.True(receipt.Skipped);
        Assert.Equal("11月27日（金）はスキップしました。\n理由：客先訪問", receipt.Text);
        var states = await harness.Store.StatesAsync(["tanaka"], Friday, CancellationToken.None);
        Assert.Equal(DayState.Skipped, states["tanaka"]);
    }

    [Fact]
    public async Task Skip_WhenAlreadyAnswered_IsRefused_PointingToEdit()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("tanaka", "daily-calls", Friday, 20m);

        var reply = await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", Friday), Values(), action: CardAction.Skip);

        Assert.Equal("11月27日（金）は回答済みです。数字を変えるときは「edit」を使ってください。", Assert.Single(reply.Replies).View.Text);
        var states = await harness.Store.StatesAsync(["tanaka"], Friday, CancellationToken.None);
        Assert.Equal(DayState.Answered, states["tanaka"]);
    }

    [Fact]
    public async Task Same_CopiesTheLastAnsweredDay()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("tanaka", "daily-calls", Friday.AddDays(-1), 25m);
        await harness.RecordAsync("tanaka", "intro-emails", Friday.AddDays(-1), 3m);

        var reply = await harness.SubmitAsync("tanaka", await harness.CardAsync("tanaka", Friday), Values(), action: CardAction.Same);

        Assert.Equal("11月27日（金）の分を保存しました：架電数/日 25件（目標 20件）、新規紹介メール/日 3通（目標 3通）", reply.CardUpdate!.Text);
        Assert.Equal(25m, harness.ValueOf("tanaka", "daily-calls", Friday));
        Assert.Equal(3m, harness.ValueOf("tanaka", "intro-emails", Friday));
    }

    [Fact]
    public async Task Submit_BySomeoneNotInTheGoals_IsRefusedAsAnUnknownPerson()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);
        var stranger = new KpiBot.Core.Chat.ChatUser("test", "tenant", "U-stranger");

        var reply = await harness.Service.HandleAsync(
            new CardSubmission(stranger, DmOf("x"), CardAction.Submit, card.OccurrenceKey, Friday, 0, Values(("daily-calls", "1")), null, false, "s", Locale: "en"),
            CancellationToken.None);

        Assert.StartsWith("Sorry, I can't find you in the goals file", Assert.Single(reply.Replies).View.Text, StringComparison.Ordinal);
        Assert.Empty(harness.Store.Entries);
    }

    [Fact]
    public async Task Skip_OnAWeeklyCard_IsAcknowledged_WithoutSkippingTheWeeksFirstDay()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("emily", Friday, KdiCadence.Weekly);

        var reply = await harness.SubmitAsync("emily", card, Values(), action: CardAction.Skip);

        Assert.Equal("Skipped Mon 23 Nov.", reply.CardUpdate!.Text);
        Assert.Empty(await harness.Store.HistoryAsync(["emily"], new DateOnly(2026, 11, 23), Friday, CancellationToken.None));
    }

    [Theory]
    [InlineData("1,200", 1200)]
    [InlineData(" １２．０ ", 12)]
    [InlineData("０", 0)]
    public async Task Submit_NumbersAsPeopleTypeThem_AreRead(string typed, decimal expected)
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        await harness.SubmitAsync("tanaka", card, Values(("daily-calls", typed)), confirmed: true);

        Assert.Equal(expected, harness.ValueOf("tanaka", "daily-calls", Friday));
    }

    [Fact]
    public async Task Submit_AFractionOfACall_IsRefused_SayingCallsAreWhole_AndSavesNothing()
    {
        var harness = new ConversationHarness();
        var card = await harness.CardAsync("tanaka", Friday);

        var reply = await harness.SubmitAsync("tanaka", card, Values(("daily-calls", "2.5"), ("intro-emails", "3")));

        Assert.Equal("架電数/日：2.5 は記録できません。整数で入力してください（単位: 件）。", Assert.Single(reply.Replies).View.Text);
        Assert.Empty(harness.Store.Entries);
    }
}
