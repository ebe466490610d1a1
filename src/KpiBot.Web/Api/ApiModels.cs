namespace KpiBot.Web.Api;

/// <summary>The rolled-up tree: every node in tree order, each with its parent and depth.</summary>
public sealed record TreeResponse(DateOnly AsOf, string? Team, string? Period, IReadOnlyList<TreeNode> Nodes);

/// <summary>One node of the tree. <see cref="Figures"/> is null for a KSF; <see cref="Outcome"/> is set for a reported KGI or KPI.</summary>
public sealed record TreeNode(
    string Id,
    string Kind,
    string Title,
    string? Unit,
    string? ParentId,
    int Depth,
    DateOnly? WindowStart,
    DateOnly? WindowEnd,
    Figures? Figures,
    Outcome? Outcome);

/// <summary>How a node stands over its window (decimals unrounded; percentages as 0–100).</summary>
public sealed record Figures(
    decimal Actual,
    decimal Target,
    decimal? ProgressPercent,
    decimal Expected,
    decimal? Pace,
    decimal? NeededPerWorkingDay,
    decimal? Forecast,
    string Status,
    int WorkingDaysElapsed,
    int WorkingDaysTotal);

/// <summary>
/// A reported node: its reported actual (null when none in the window), the estimate from its KDIs (or KPIs), which
/// of the two is its actual (<c>reported</c> or <c>estimate</c>), and the conversion measured against plan.
/// </summary>
public sealed record Outcome(decimal? Reported, decimal? Estimate, string Drives, IReadOnlyList<Rate> Rates);

/// <summary>Conversion from one input, as fractions (0.05 = 5 %); <see cref="Warning"/> is set when far below plan.</summary>
public sealed record Rate(string Input, decimal InputActual, decimal Planned, decimal? Achieved, bool FarBelowPlan, string? Warning);

/// <summary>A node's cumulative actual per day against plan.</summary>
public sealed record HistoryResponse(string Node, string Kind, string? Unit, DateOnly WindowStart, DateOnly WindowEnd, decimal Target, IReadOnlyList<HistoryDay> Days);

public sealed record HistoryDay(DateOnly Day, decimal Actual, decimal Plan);

/// <summary>A page of check-ins; pass <see cref="NextCursor"/> as <c>cursor</c> for the next one (null on the last page).</summary>
public sealed record CheckInPage(IReadOnlyList<CheckInItem> Items, string? NextCursor);

public sealed record CheckInItem(
    long Id, string Person, string Team, string Node, DateOnly Day, decimal Value, string? Note, bool Blocker, string Source, int Revision, DateTimeOffset UpdatedAt);

public sealed record ParticipationResponse(DateOnly From, DateOnly To, IReadOnlyList<ParticipationWeek> Weeks);

public sealed record ParticipationWeek(string Person, string Name, string Team, DateOnly WeekStart, int Asked, int Answered, int Skipped, int Off, int Missed);

/// <summary>
/// One reported result: the KGI or KPI (<see cref="Node"/>), a day of the period it is for, the value, and for goals
/// reported per person whose it is (id or email). <see cref="Confirm"/> accepts a value above ten times the target.
/// </summary>
public sealed record OutcomeInput(string? Node, DateOnly? Date, decimal? Value, string? Person = null, string? Note = null, bool Confirm = false);

/// <summary>One KDI value of a person (id or email) for a day (a weekly KDI: any day of the week).</summary>
public sealed record CheckInInput(string? Person, string? Kdi, DateOnly? Date, decimal? Value, string? Note = null, bool Confirm = false);

/// <summary>What each row of a write did: <c>created</c>, <c>updated</c> or <c>unchanged</c>, with the revision now stored.</summary>
public sealed record WriteResponse(IReadOnlyList<WriteResult> Results);

public sealed record WriteResult(int Row, string Node, string? Person, DateOnly Day, decimal Value, string Result, int Revision);
