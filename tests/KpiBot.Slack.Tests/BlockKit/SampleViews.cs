using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Slack.Tests.BlockKit;

/// <summary>Views as the engine makes them for the telemarketing sample.</summary>
internal static class SampleViews
{
    public static readonly DateOnly Friday = new(2026, 11, 27);

    public static CheckInPromptView Prompt(decimal? currentCalls = null) => new(
        "Check-in for Fri, Nov 27\nCalls (target 30 calls)\nMeetings (target 2 meetings)",
        "Check-in for Fri, Nov 27",
        "alice",
        Friday,
        KdiCadence.Daily,
        "prompt:alice:2026-11-27",
        2,
        [
            new PromptLine("calls", "Calls", "calls", 30m, "Calls (target 30 calls)", "30 calls", currentCalls),
            new PromptLine("meetings", "Meetings <& co>", "meetings", 2m, "Meetings <& co> (target 2 meetings)", "2 meetings", null),
        ],
        new PromptLabels("What happened today?", "I'm blocked", "Submit", "Skip today", "Same as last time", "Enter a number"))
    {
        OpenUntilText = "You can answer or change this until Wed 2 Dec.",
    };

    public static CheckInReceiptView Receipt(bool skipped = false) => new(
        skipped ? "Skipped Fri, Nov 27." : "Saved: 27 calls (target 30 calls), 1 meeting (target 2 meetings)\nNote: Two callbacks\nBlocker noted; your lead knows.",
        "Check-in for Fri, Nov 27",
        "alice",
        Friday,
        skipped ? [] : [new ReceiptLine("calls", "Calls", "27 calls", "30 calls", 0.9m), new ReceiptLine("meetings", "Meetings", "1 meeting", "2 meetings", 0.5m)],
        skipped ? null : "Two callbacks",
        !skipped,
        skipped);

    public static IReadOnlyList<ProgressLine> Tree() =>
    [
        new(0, GoalKind.Kgi, "revenue", "Revenue FY2026", "¥38,200,000 / ¥100,000,000", 0.382m, ProgressStatus.AtRisk, "At risk"),
        new(1, GoalKind.Kpi, "appointments", "Appointments", "41 / 120", 0.3417m, ProgressStatus.OffTrack, "Off track", "pace 0.8× needed"),
        new(2, GoalKind.Kdi, "calls", "Calls", "820 / 2,400 calls", 0.3417m, ProgressStatus.OnTrack, "On track"),
        new(1, GoalKind.Ksf, "quality", "Call quality", null, null, null, null),
    ];

    public static IReadOnlyList<ViewSection> Lists() =>
    [
        new("Not answered today", ["Bob", "Carol"]),
        new("Open blockers", ["Dave: waiting for the new lead list"]),
    ];
}
