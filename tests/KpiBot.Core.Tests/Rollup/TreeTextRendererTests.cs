using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using static KpiBot.Core.Tests.Rollup.TestGoals;

namespace KpiBot.Core.Tests.Rollup;

public class TreeTextRendererTests
{
    private static readonly PeriodWindow November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private static readonly PeriodWindow FiscalYear = new(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));

    private static (GoalsModel Model, RollupReport Report) Sample()
    {
        var model = Model(
            [
                Kpi("appointments", 30m, title: "アポ獲得数"),
                Kpi("revenue", 10_000_000m, unit: "JPY", source: KpiSource.Reported, title: "Monthly revenue"),
            ],
            [Kdi("calls", "appointments", 10m, rate: 0.05m, unit: "件", title: "架電数")],
            kgi: Kgi(title: "年間売上1億円", baseline: 30_000_000m, contributions: [new KgiContribution("revenue")]),
            ksfTitle: "新規開拓");
        var actuals = new RollupActuals()
            .Add(November, [new ActualTotal("aoki", "calls", 66m, 6), new ActualTotal("baba", "calls", 45m, 6),
                new ActualTotal("chiba", "revenue", 3_200_000m, 2)])
            .Add(FiscalYear, [new ActualTotal("chiba", "revenue", 8_200_000m, 12)]);
        return (model, RollupCalculator.Compute(model, new RollupRequest(Nov10), actuals));
    }

    [Fact]
    public void Render_InJapanese_DrawsBranchesFiguresAndStatusWords()
    {
        var (model, report) = Sample();

        var text = TreeTextRenderer.Render(model, report, Localized.Japanese);

        // KGI: 30,000,000 + 8,200,000 against a pace far behind the year → 遅れ. KDI: 111 of 380, pace 0.925 → 要注意.
        // KPI アポ: 111 × 0.05 = 5.55 of 30, shown in whole appointments (6件). Each figure says its period: the month,
        // or for the KGI everything to date against its deadline. Revenue: 3,200,000 of 10,000,000, expected 10,000,000 × 6 ÷ 19 → 順調.
        Assert.Equal(
            Lines(
                "KGI 年間売上1億円          ¥38,200,000 / ¥100,000,000  累計（期限 2027年3月31日）  38 %  ▓▓▓▓░░░░░░  遅れ",
                "└─ KSF 新規開拓",
                "   ├─ KPI アポ獲得数                       6件 / 30件  11月                        19 %  ▓▓░░░░░░░░  遅れ",
                "   │  └─ KDI 架電数                     111件 / 380件  11月                        29 %  ▓▓▓░░░░░░░  要注意",
                "   └─ KPI Monthly revenue    ¥3,200,000 / ¥10,000,000  11月                        32 %  ▓▓▓░░░░░░░  順調"),
            text);
    }

    [Fact]
    public void Render_InEnglish_UsesEnglishStatusWords()
    {
        var (model, report) = Sample();

        var text = TreeTextRenderer.Render(model, report, Localized.English);

        Assert.Equal(
            Lines(
                "KGI 年間売上1億円          ¥38,200,000 / ¥100,000,000  to date, due 31 Mar 2027  38 %  ▓▓▓▓░░░░░░  off-track",
                "└─ KSF 新規開拓",
                "   ├─ KPI アポ獲得数                       6件 / 30件  in November               19 %  ▓▓░░░░░░░░  off-track",
                "   │  └─ KDI 架電数                     111件 / 380件  in November               29 %  ▓▓▓░░░░░░░  at-risk",
                "   └─ KPI Monthly revenue    ¥3,200,000 / ¥10,000,000  in November               32 %  ▓▓▓░░░░░░░  on-track"),
            text);
    }

    [Fact]
    public void Render_MixedJapaneseAndEnglishTitles_LineUpByDisplayWidth()
    {
        var (model, report) = Sample();

        var lines = TreeTextRenderer.Render(model, report, Localized.Japanese)
            .Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains('/', StringComparison.Ordinal))
            .ToList();

        // Every bar starts at the same terminal column although the titles differ in characters and in width.
        var barColumns = lines.Select(l => DisplayWidth.Of(l[..l.IndexOfAny([ProgressBar.Filled, ProgressBar.Empty])])).Distinct();
        Assert.Single(barColumns);
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public void Render_WithNothingToShow_SaysSo()
    {
        var model = Model([Kpi("dials", 4000m)]);
        var empty = new RollupReport(Nov10, []);

        Assert.Equal("表示する目標はありません。" + Environment.NewLine, TreeTextRenderer.Render(model, empty, Localized.Japanese));
    }

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + Environment.NewLine));
}
