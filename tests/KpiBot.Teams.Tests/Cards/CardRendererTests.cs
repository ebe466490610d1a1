using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Tests.Cards;

public class CardRendererTests
{
    [Fact]
    public void Prompt_MatchesGolden() => AssertGolden("prompt", CheckInCardRenderer.Prompt(SampleViews.Prompt()));

    [Fact]
    public void Reminder_MatchesGolden() =>
        AssertGolden("reminder", CheckInCardRenderer.Reminder(new ReminderView("You have not checked in yet today.", SampleViews.Prompt())));

    [Fact]
    public void Receipt_MatchesGolden() => AssertGolden("receipt", CheckInCardRenderer.Receipt(SampleViews.Receipt()));

    [Fact]
    public void Confirm_WithTheSubmission_ResendsItConfirmed_MatchesGolden()
    {
        var conversation = new ConversationAddress(Platforms.Teams, "t", "a:1");
        var submission = new CardSubmission(
            new ChatUser(Platforms.Teams, "t", "29:u"), conversation, CardAction.Submit, "sales-daily:hanako:2026-11-27",
            SampleViews.Day, 2, new Dictionary<string, string?> { ["calls"] = "300", ["meetings"] = null }, "big day", false, "f:1",
            PersonId: "hanako");
        var view = new ConfirmView("Calls 300 is more than 10× the target 30.\nSave anyway?", "Yes, save", "No", "confirm-checkin");

        AssertGolden("confirm", CheckInCardRenderer.Confirm(view, submission));
    }

    [Fact]
    public void Status_MatchesGolden() =>
        AssertGolden("status", ProgressCardRenderer.Status(new StatusView("Status", "Sales — status", SampleViews.Lines(), SampleViews.Sections())));

    [Fact]
    public void Tree_MatchesGolden() =>
        AssertGolden("tree", ProgressCardRenderer.Tree(new TreeView("Tree", "Sales — goals", SampleViews.Lines())));

    [Fact]
    public void Personal_MatchesGolden() =>
        AssertGolden("personal", ProgressCardRenderer.Personal(new PersonalProgressView("Me", "Your progress", [.. SampleViews.Lines().Skip(2)], [new("Streak", ["12 working days"])])));

    [Fact]
    public void Digest_WhenSmall_IsOneCard_MatchesGolden() => AssertGolden("digest", Assert.Single(AdaptiveCardRenderer.Digest(SampleViews.Digest())));

    [Fact]
    public void Help_MatchesGolden() =>
        AssertGolden("help", MessageCardRenderer.Help(new HelpView("help", "Commands", [new("checkin [day]", "Open the check-in card"), new("status", "Your team's progress")])));

    [Fact]
    public void Error_MatchesGolden() =>
        AssertGolden("error", MessageCardRenderer.Error(new ErrorView("\"abc\" is not a number.", "Type a number such as 27.")));

    [Fact]
    public void Message_MatchesGolden() => AssertGolden("message", MessageCardRenderer.Message(new MessageView("Saved.")));

    [Fact]
    public void Digest_WhenLarge_IsSplitUnderTheLimitKeepingEveryLineOnce()
    {
        var view = SampleViews.Digest(teams: 120);

        var cards = AdaptiveCardRenderer.Digest(view);

        Assert.True(cards.Count > 1);
        Assert.All(cards, c => Assert.True(AdaptiveCardRenderer.ToJson(c).Length <= AdaptiveCardRenderer.MaxCardBytes));
        Assert.All(cards, c => Assert.Equal(view.Title, Assert.IsType<TextBlock>(c.Body[0]).Text));
        var titles = cards.SelectMany(c => c.Body.Skip(1)).OfType<ColumnSet>()
            .Select(s => ((TextBlock)s.Columns.Single(c => c.Width == "stretch").Items[0]).Text).ToList();
        Assert.Equal(view.Lines.Select(l => l.Title), titles);
    }

    [Fact]
    public void Tree_IsIndentedByColumns_NotByLeadingSpaces_WhichClientsMayCollapse()
    {
        var lines = SampleViews.Lines();

        var rows = ProgressCardRenderer.Elements("Sales — goals", lines, []).OfType<ColumnSet>().ToList();

        Assert.Equal(lines.Count, rows.Count);
        foreach (var (line, row) in lines.Zip(rows))
        {
            var title = (TextBlock)row.Columns.Single(c => c.Width == "stretch").Items[0];
            Assert.Equal(line.Title, title.Text);                               // no leading spaces of any kind
            Assert.False(char.IsWhiteSpace(title.Text[0]));
            if (line.Depth == 0)
            {
                Assert.Equal("stretch", row.Columns[0].Width);
            }
            else
            {
                Assert.Equal($"{line.Depth * ProgressCardRenderer.IndentPixels}px", row.Columns[0].Width);
                Assert.NotEmpty(row.Columns[0].Items);                          // an empty column may not be drawn
            }
        }

        Assert.Contains(lines, l => l.Depth >= 2);
    }

    [Fact]
    public void Render_GivesEveryViewKindACard()
    {
        ChatView[] views =
        [
            SampleViews.Prompt(), new ReminderView("r", SampleViews.Prompt()), SampleViews.Receipt(),
            new ConfirmView("c", "y", "n", "confirm-checkin"), new StatusView("s", "s", SampleViews.Lines(), []),
            new TreeView("t", "t", SampleViews.Lines()), new PersonalProgressView("p", "p", [], []), SampleViews.Digest(),
            new HelpView("h", "h", []), new ErrorView("e"), new MessageView("m"),
        ];

        foreach (var view in views)
        {
            var card = Assert.Single(AdaptiveCardRenderer.Render(view));
            var json = JsonNode.Parse(AdaptiveCardRenderer.ToJson(card))!;
            Assert.Equal("AdaptiveCard", (string?)json["type"]);
            Assert.Equal("1.5", (string?)json["version"]);
            Assert.All(json["body"]!.AsArray(), e => Assert.NotNull(e!["type"]));
        }
    }

    [Theory]
    [InlineData(0, "░░░░░░░░░░")]
    [InlineData(0.38, "████░░░░░░")]
    [InlineData(1, "██████████")]
    [InlineData(2.5, "██████████")]
    [InlineData(-1, "░░░░░░░░░░")]
    public void TextBar_FillsTheFractionDone(decimal fraction, string expected) => Assert.Equal(expected, TextBar.Of(fraction));

    [Fact]
    public void ReportForm_MatchesGolden() => AssertGolden("report-form", ReportCardRenderer.Form(new ReportFormView(
        "Report a result with the form, or write: report <goal> <amount> [date].",
        "Report a result",
        [new ReportChoice("new-sales", "新規顧客の売上 (monthly)"), new ReportChoice("repeat-sales", "既存顧客の売上 (monthly)")],
        "new-sales",
        SampleViews.Day,
        new ReportFormLabels("Report a result", "Goal", "Result", "e.g. 1,200,000", "A day of the period it is for", "Note", "Record", "Cancel"))));

    private static void AssertGolden(string name, AdaptiveCard card)
    {
        var actual = JsonNode.Parse(AdaptiveCardRenderer.ToJson(card))!;
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("KPIBOT_WRITE_GOLDEN") is { Length: > 0 } sourceDir)
        {
            File.WriteAllText(Path.Combine(sourceDir, name + ".json"), actual.ToJsonString(new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return;
        }

        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{name}: card differs from {path}:\n{actual.ToJsonString()}");
    }
}
