using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Tests.Inbound;

public class InteractionParserTests
{
    private static readonly ChatUser Rep = new("slack", "T061EG9R6", "U061F7AUR");
    private static readonly ConversationAddress Dm = new("slack", "T061EG9R6", "D024BE91L");

    [Fact]
    public void Parse_CheckInButton_OpensTheModalForTheCardAndItsMessage()
    {
        var result = Assert.IsType<SlackInbound.OpenCheckIn>(InteractionParser.Parse(Fixtures.InteractionForm("block_actions_open.json")));

        Assert.Equal(Rep, result.User);
        Assert.Equal("12466734323.1395872398.0ac1c2e4b5", result.TriggerId);
        Assert.Equal(new CardRef("prompt:alice:2026-11-27", new DateOnly(2026, 11, 27), 2, "alice", "D024BE91L", "1548261231.000200"), result.Card);
    }

    [Fact]
    public void Parse_SkipButton_IsASkipSubmissionOfThatCard()
    {
        var result = Assert.IsType<SlackInbound.Submission>(InteractionParser.Parse(Fixtures.InteractionForm("block_actions_skip.json")));
        var s = result.Value;

        Assert.Equal(CardAction.Skip, s.Action);
        Assert.Equal((Rep, Dm, "prompt:alice:2026-11-27", new DateOnly(2026, 11, 27), 2, "alice"), (s.User, s.Conversation, s.OccurrenceKey, s.WorkDay, s.CardVersion, s.PersonId));
        Assert.Equal(new MessageRef(Dm, "1548261231.000200"), s.Card);
        Assert.Empty(s.Values);
        Assert.Equal("12466734323.1395872398.skip", s.SubmissionId);
        Assert.Equal("https://hooks.slack.com/actions/T061EG9R6/1/abc", result.ResponseUrl);
    }

    [Fact]
    public void Parse_LaterTimePicker_IsALaterSubmissionOfTheCardInItsBlockId_WithTheTime()
    {
        var result = Assert.IsType<SlackInbound.Submission>(InteractionParser.Parse(Fixtures.InteractionForm("block_actions_later_at.json")));
        var s = result.Value;

        Assert.Equal(CardAction.Later, s.Action);
        Assert.Equal("18:30", s.Later);
        Assert.Equal(("prompt:alice:2026-11-27", new DateOnly(2026, 11, 27), 2, "alice"), (s.OccurrenceKey, s.WorkDay, s.CardVersion, s.PersonId));
        Assert.Equal(new MessageRef(Dm, "1548261231.000200"), s.Card);
    }

    [Fact]
    public void Parse_ModalSubmission_GivesValuesPerKdiNoteAndBlocker()
    {
        var result = Assert.IsType<SlackInbound.Submission>(InteractionParser.Parse(Fixtures.InteractionForm("view_submission.json")));
        var s = result.Value;

        Assert.Equal(CardAction.Submit, s.Action);
        Assert.Equal(new Dictionary<string, string?> { ["calls"] = "27", ["meetings"] = null }, s.Values);
        Assert.Equal("Two callbacks tomorrow", s.Note);
        Assert.True(s.Blocker);
        Assert.Equal(new MessageRef(Dm, "1548261231.000200"), s.Card);
        Assert.Equal(("prompt:alice:2026-11-27", 2, "alice"), (s.OccurrenceKey, s.CardVersion, s.PersonId));
        Assert.Equal("12345.98765.abcd2358fdea", s.SubmissionId);
    }

    [Fact]
    public void Parse_ModalSubmissionWithoutTheBlockerTicked_IsNoBlocker()
    {
        var form = Fixtures.InteractionForm("view_submission.json").Replace(Uri.EscapeDataString("\"value\": \"blocker\""), Uri.EscapeDataString("\"value\": \"other\""), StringComparison.Ordinal);

        var result = Assert.IsType<SlackInbound.Submission>(InteractionParser.Parse(form));

        Assert.False(result.Value.Blocker);
    }

    [Fact]
    public void Parse_AnotherAppsAction_IsIgnored()
    {
        var form = Fixtures.InteractionForm("block_actions_open.json").Replace("kpi_checkin_open", "someone_else", StringComparison.Ordinal);

        Assert.IsType<SlackInbound.Ignored>(InteractionParser.Parse(form));
    }

    [Theory]
    [InlineData("")]
    [InlineData("payload=")]
    [InlineData("payload=%7B")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    public void Parse_WhenThePayloadIsMalformed_IsMalformed(string form) =>
        Assert.IsType<SlackInbound.Malformed>(InteractionParser.Parse(form));

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"o\":\"\",\"d\":\"2026-11-27\",\"v\":1,\"p\":\"alice\"}")]
    [InlineData("{\"o\":\"k\",\"d\":\"yesterday\",\"v\":1,\"p\":\"alice\"}")]
    [InlineData("{\"o\":\"k\",\"d\":\"2026-11-27\",\"v\":1}")]
    public void ReadCard_WhenTheValueIsNotOurs_IsNull(string json) =>
        Assert.Null(InteractionParser.ReadCard(json));

    [Fact]
    public void WriteCard_ThenReadCard_RoundTrips()
    {
        var card = new CardRef("prompt:alice:2026-11-27", new DateOnly(2026, 11, 27), 3, "alice", "D1", "1.2");

        Assert.Equal(card, InteractionParser.ReadCard(InteractionParser.WriteCard(card)));
    }

    [Fact]
    public void Parse_ReportModal_GivesTheGoalTheResultAsTypedTheDayAndTheChannel()
    {
        var result = Assert.IsType<SlackInbound.Report>(InteractionParser.Parse(Fixtures.InteractionForm("view_submission_report.json")));
        var s = result.Value;

        Assert.Equal(new ChatUser("slack", "T061EG9R6", "U061F7AUR"), s.User);
        Assert.Equal((new ConversationAddress("slack", "T061EG9R6", "C0SALES01"), ConversationKind.Channel), (s.Conversation, s.Kind));
        Assert.Equal(("new-sales", "¥1,200,000", (DateOnly?)new DateOnly(2026, 11, 20), (string?)null), (s.NodeId, s.Amount, s.Day, s.Note));
    }

    [Fact]
    public void Parse_ReportButton_OpensTheReportFormWithItsGoal()
    {
        var result = Assert.IsType<SlackInbound.OpenReport>(InteractionParser.Parse(Fixtures.InteractionForm("block_actions_report_open.json")));

        Assert.Equal(("C0SALES01", "12466734323.1395872398.report", "new-sales"), (result.Channel, result.TriggerId, result.Selected));
    }

    [Fact]
    public void Parse_ConfirmButton_SendsItsCommandAsTheUser()
    {
        var result = Assert.IsType<SlackInbound.Clicked>(InteractionParser.Parse(Fixtures.InteractionForm("block_actions_confirm.json")));

        Assert.Equal(new IncomingMessage(Rep, Dm, ConversationKind.Personal, "report new-sales 700000000 2026-11-20 --confirm"), result.Message);
        Assert.Equal("https://hooks.slack.com/actions/T061EG9R6/3/ghi", result.ResponseUrl);
    }

    [Fact]
    public void Parse_ReportModalWithoutItsChannel_IsMalformed()
    {
        var json = Fixtures.Read("Payloads", "view_submission_report.json").Replace("\"private_metadata\": \"C0SALES01\",", "", StringComparison.Ordinal);

        Assert.IsType<SlackInbound.Malformed>(InteractionParser.ParseJson(json));
    }
}
