using System.Text.Json;
using KpiBot.Core.Views;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Json;

namespace KpiBot.Slack.Tests.BlockKit;

public class BlockKitRendererTests
{

    private static string Json(SlackMessage m) => JsonSerializer.Serialize(m, SlackJsonContext.Default.SlackMessage);

    private static string Json(IReadOnlyList<SlackMessage> ms) => "[" + string.Join(",", ms.Select(Json)) + "]";

    [Fact]
    public void RenderPrompt_MatchesGolden() =>
        Golden.Matches("prompt", Json(CheckInRenderer.RenderPrompt(SampleViews.Prompt())));

    [Fact]
    public void RenderModal_MatchesGolden()
    {
        var modal = CheckInRenderer.RenderModal(SampleViews.Prompt(currentCalls: 27.50m), new CardRef("ignored", default, 0, "ignored", "D024BE91L", "1548261231.000200"));

        Golden.Matches("modal", JsonSerializer.Serialize(modal, SlackJsonContext.Default.ModalView));
    }

    [Fact]
    public void RenderModal_TakesItsOwnWordsFromTheViewsLabels()
    {
        var prompt = SampleViews.Prompt();
        prompt = prompt with { Labels = prompt.Labels with { Open = "入力する", Note = "メモ", Blocker = "ブロッカー", Cancel = "キャンセル" } };

        var modal = CheckInRenderer.RenderModal(prompt, new CardRef("k", default, 0, "p", "D1"));

        Assert.Equal("キャンセル", modal.Close.Text);
        Assert.Contains(modal.Blocks.OfType<InputBlock>(), b => b.Label.Text == "メモ");
    }

    [Fact]
    public void RenderModal_CarriesTheCardAndItsMessageForTheSubmission()
    {
        var modal = CheckInRenderer.RenderModal(SampleViews.Prompt(), new CardRef("x", default, 9, "x", "D024BE91L", "1.2"));

        Assert.Equal(new CardRef("prompt:alice:2026-11-27", SampleViews.Friday, 2, "alice", "D024BE91L", "1.2"), InteractionParser.ReadCard(modal.PrivateMetadata));
    }

    [Fact]
    public void RenderReceipt_MatchesGolden() =>
        Golden.Matches("receipt", Json(CheckInRenderer.RenderReceipt(SampleViews.Receipt())));

    [Fact]
    public void RenderReceipt_WhenSkipped_MatchesGolden() =>
        Golden.Matches("receipt-skipped", Json(CheckInRenderer.RenderReceipt(SampleViews.Receipt(skipped: true))));

    [Fact]
    public void Render_Reminder_MatchesGolden() =>
        Golden.Matches("reminder", Json(BlockKitRenderer.Render(new ReminderView("You have not checked in yet today.", SampleViews.Prompt()))));

    [Fact]
    public void Render_Status_MatchesGolden() =>
        Golden.Matches("status", Json(BlockKitRenderer.Render(new StatusView("Sales team status …", "Sales team — status", SampleViews.Tree(), SampleViews.Lists()))));

    [Fact]
    public void Render_Tree_MatchesGolden() =>
        Golden.Matches("tree", Json(BlockKitRenderer.Render(new TreeView("Goals …", "Goals", SampleViews.Tree()))));

    [Fact]
    public void Render_PersonalProgress_MatchesGolden() =>
        Golden.Matches("me", Json(BlockKitRenderer.Render(new PersonalProgressView("Your progress …", "Your progress", [.. SampleViews.Tree().Skip(2)], [new ViewSection("Streak", ["5 days"])]))));

    [Fact]
    public void Render_Digest_MatchesGolden() =>
        Golden.Matches("digest", Json(BlockKitRenderer.Render(new DigestView("Weekly digest …", "Sales team — week of Nov 23", "sales", new DateOnly(2026, 11, 23), SampleViews.Tree(), SampleViews.Lists()))));

    [Fact]
    public void Render_Help_MatchesGolden() =>
        Golden.Matches("help", Json(BlockKitRenderer.Render(new HelpView("Commands …", "Commands", [new HelpItem("checkin", "Open today's check-in"), new HelpItem("status [@person]", "Progress of your team")]))));

    [Fact]
    public void Render_Error_MatchesGolden() =>
        Golden.Matches("error", Json(BlockKitRenderer.Render(new ErrorView("'abc' is not a number.", "Type a number like 27 or 3.5."))));

    [Fact]
    public void Render_Message_MatchesGolden() =>
        Golden.Matches("message", Json(BlockKitRenderer.Render(new MessageView("Linked #sales to team <Sales> & co."))));

    [Fact]
    public void Render_Confirm_MatchesGolden() =>
        Golden.Matches("confirm", Json(BlockKitRenderer.Render(new ConfirmView("300 calls is more than 10 times the target of 30 calls.\nSave it anyway?", "Yes, save", "No", "confirm-checkin"))));

    private static ReportFormView ReportForm(string? selected = "new-sales") => new(
        "Report a result with the form, or write: report <goal> <amount> [date]. Reported here: new-sales (新規顧客の売上), repeat-sales (既存顧客の売上).",
        "Report a result",
        [new ReportChoice("new-sales", "新規顧客の売上 (monthly)"), new ReportChoice("repeat-sales", "既存顧客の売上 (monthly)")],
        selected,
        SampleViews.Friday,
        new ReportFormLabels("Report a result", "Goal", "Result", "e.g. 1,200,000", "A day of the period it is for", "Note", "Record", "Cancel"));

    [Fact]
    public void RenderReportModal_MatchesGolden() =>
        Golden.Matches("report-modal", JsonSerializer.Serialize(ReportRenderer.RenderModal(ReportForm(), "C0SALES01"), SlackJsonContext.Default.ModalView));

    [Fact]
    public void RenderReportForm_AsAMessage_MatchesGolden() =>
        Golden.Matches("report-form", Json(BlockKitRenderer.Render(ReportForm(selected: null))));

    [Fact]
    public void RenderReportModal_WithNothingChosen_HasNoInitialOption()
    {
        var modal = ReportRenderer.RenderModal(ReportForm(selected: null), "D1");

        var select = Assert.IsType<StaticSelect>(modal.Blocks.OfType<InputBlock>().First().Element);
        Assert.Null(select.InitialOption);
        Assert.Equal("D1", modal.PrivateMetadata);
    }
}
