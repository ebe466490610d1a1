using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using KpiBot.Slack.BlockKit;

namespace KpiBot.Slack.Tests.BlockKit;

public class BlockKitLimitsTests
{

    private static DigestView BigDigest(int lines, int itemsPerSection) => new(
        "Weekly digest",
        "Sales — week of Nov 23",
        "sales",
        new DateOnly(2026, 11, 23),
        [.. Enumerable.Range(0, lines).Select(i => new ProgressLine(1, GoalKind.Kdi, $"k{i}", $"KDI number {i} with a fairly long title to fill the section", "12 / 30 calls", 0.4m, ProgressStatus.AtRisk, "At risk"))],
        [.. Enumerable.Range(0, 40).Select(s => new ViewSection($"Section {s}", [.. Enumerable.Range(0, itemsPerSection).Select(i => $"Person {i}: a blocker that needs explaining at some length")]))]);

    [Fact]
    public void Render_LongDigest_SplitsIntoMessagesOfAtMostFiftyBlocks()
    {
        var messages = BlockKitRenderer.Render(BigDigest(500, 60));

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Blocks.Count, 1, 50));
        Assert.Equal("Weekly digest", messages[0].Text);
        Assert.Equal($"Sales — week of Nov 23 (2/{messages.Count})", messages[1].Text);
        Assert.IsType<HeaderBlock>(messages[0].Blocks[0]);
    }

    [Fact]
    public void Render_LongDigest_KeepsEverySectionWithinThreeThousandCharactersAndLosesNoLine()
    {
        var messages = BlockKitRenderer.Render(BigDigest(500, 60));
        var sections = messages.SelectMany(m => m.Blocks).OfType<SectionBlock>().Select(s => s.Text.Text).ToList();

        Assert.All(sections, t => Assert.InRange(t.Length, 1, 3000));
        Assert.Equal(500 + 40 * 61, sections.Sum(t => t.Split('\n').Length));
    }

    [Fact]
    public void Render_AnOverlongLine_IsCutToTheSectionLimit()
    {
        var messages = BlockKitRenderer.Render(new MessageView(new string('x', 5000)));

        var text = Assert.IsType<SectionBlock>(Assert.Single(Assert.Single(messages).Blocks)).Text.Text;
        Assert.Equal(3000, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryViewHasAPlainTextFallback()
    {
        ChatView[] views =
        [
            SampleViews.Prompt(), SampleViews.Receipt(), new ReminderView("r", SampleViews.Prompt()),
            new StatusView("s", "S", SampleViews.Tree(), []), new TreeView("t", "T", SampleViews.Tree()),
            new HelpView("h", "H", []), new ErrorView("e"), new MessageView("m"), new ConfirmView("c", "y", "n", "cmd"),
        ];

        Assert.All(views, v => Assert.All(BlockKitRenderer.Render(v), m => Assert.False(string.IsNullOrWhiteSpace(m.Text))));
    }
}
