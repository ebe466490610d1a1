using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Teams.Tests.Cards;

/// <summary>Views as the engine makes them, for the golden tests.</summary>
internal static class SampleViews
{
    public static readonly DateOnly Day = new(2026, 11, 27);

    public static CheckInPromptView Prompt() => new(
        "Check-in for Fri, Nov 27\n• Calls (target 30)\n• Meetings (target 2)",
        "Check-in for Fri, Nov 27",
        "hanako",
        Day,
        KdiCadence.Daily,
        "sales-daily:hanako:2026-11-27",
        2,
        [
            new PromptLine("calls", "Calls", "calls", 30m, "Calls (target 30)", "30", null),
            new PromptLine("meetings", "Meetings", "", 2m, "Meetings (target 2)", "2", 1m),
        ],
        new PromptLabels("Note (optional)", "I am blocked", "Submit", "Skip today", "Same as last time", "Enter a number of 0 or more"))
    {
        OpenUntilText = "You can answer or change this until Wed 2 Dec.",
    };

    public static CheckInReceiptView Receipt() => new(
        "Saved: Calls 27 (target 30), Meetings 2 (target 2). Blocker noted.",
        "Saved for Fri, Nov 27",
        "hanako",
        Day,
        [
            new ReceiptLine("calls", "Calls", "27", "30", 0.9m),
            new ReceiptLine("meetings", "Meetings", "2", "2", 1m),
        ],
        "Waiting for the price list",
        Blocker: true,
        Skipped: false);

    public static IReadOnlyList<ProgressLine> Lines() =>
    [
        new(0, GoalKind.Kgi, "revenue", "Revenue FY2026", "¥38,200,000 / ¥100,000,000", 0.382m, ProgressStatus.AtRisk, "At risk", "Needs ¥7,700,000 a month"),
        new(1, GoalKind.Kpi, "deals", "Deals closed", "12 / 20", 0.6m, ProgressStatus.OnTrack, "On track"),
        new(2, GoalKind.Kdi, "calls", "Calls", "410 / 600", 0.683m, ProgressStatus.OffTrack, "Behind"),
        new(1, GoalKind.Ksf, "quality", "Quality of proposals", null, null, null, null),
    ];

    public static IReadOnlyList<ViewSection> Sections() =>
    [
        new("Not answered today", ["Sato Hanako", "Suzuki Ichiro (unreachable)"]),
        new("Open blockers", ["Sato Hanako: Waiting for the price list"]),
    ];

    public static DigestView Digest(int teams = 1)
    {
        var lines = Enumerable.Range(0, teams).SelectMany(i => Lines().Select(l => l with { NodeId = $"{l.NodeId}-{i}", Title = $"{l.Title} {i}" })).ToList();
        return new DigestView("Weekly digest", "Sales — week of Mon, Nov 23", "sales", new DateOnly(2026, 11, 23), lines, Sections());
    }
}
