using System.Globalization;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.CheckIns;

/// <summary>
/// The checks every recorded value passes, whatever it came through (card, command line, import):
/// the node exists and takes values, a KDI is the person's team's, the day is not in the future, the
/// value is a non-negative amount with at most four decimals and at most <see cref="MaxValue"/> — a whole number
/// for a unit that counts whole things (calls) or money without minor units (yen) — and not absurdly large unless
/// confirmed.
/// </summary>
public static class CheckInRules
{
    /// <summary>A value above this many times the daily (or weekly) target asks for confirmation.</summary>
    public const decimal SanityFactor = 10m;

    /// <summary>The largest value one check-in may hold: 100 billion, so thousands of them still sum exactly in storage.</summary>
    public const decimal MaxValue = 100_000_000_000m;

    /// <summary>Decimal places a value may have.</summary>
    public const int MaxDecimals = 4;

    public static CheckInProblem? Check(
        GoalsModel model, Person person, string nodeId, DateOnly day, decimal value, DateOnly today, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);

        if (!model.NodesById.TryGetValue(nodeId, out var node))
        {
            return new(nameof(CheckInText.UnknownNode), nodeId);
        }

        if (node is not Kdi && node is not Kpi { ActualsFrom: KpiSource.Reported })
        {
            return new(nameof(CheckInText.NotReportable), nodeId, node.Kind.ToString().ToUpperInvariant());
        }

        if (node is Kdi kdi && kdi.TeamId != person.TeamId)
        {
            return new(nameof(CheckInText.NotYourKdi), nodeId, kdi.TeamId, person.DisplayName, person.TeamId);
        }

        if (day > today)
        {
            return new(nameof(CheckInText.FutureDay), day, today);
        }

        var (start, end) = model.ActiveWindowOf(node as Kpi ?? (Kpi)model.NodesById[((Kdi)node).KpiId]);
        if (day < start)
        {
            return new(nameof(CheckInText.BeforeGoal), day, start);
        }

        if (day > end)
        {
            return new(nameof(CheckInText.AfterGoal), day, end);
        }

        if (value < 0)
        {
            return new(nameof(CheckInText.Negative), value);
        }

        if (value.Scale > MaxDecimals && value != decimal.Round(value, MaxDecimals))
        {
            return new(nameof(CheckInText.TooPrecise), value);
        }

        if (value > MaxValue)
        {
            return new(nameof(CheckInText.OutOfRange), value, MaxValue);
        }

        if (decimal.Truncate(value) != value && Units.TakesWholeValuesOnly(node))
        {
            return new(nameof(CheckInText.NotWhole), new UnitName(node), value);
        }

        if (!confirmed && node is Kdi { Target: > 0 } k && value > k.Target * SanityFactor)
        {
            return new(nameof(CheckInText.TooLarge), new Quantity(value, k), new Quantity(k.Target, k)) { NeedsConfirmation = true };
        }

        return null;
    }
}

/// <summary>Why a value was not recorded; <see cref="Message"/> says it in the person's language.</summary>
public sealed record CheckInProblem(string Code, params object[] Args)
{
    /// <summary>True when the value may be right and the person can confirm it.</summary>
    public bool NeedsConfirmation { get; init; }

    public string Message(CultureInfo culture) => Localized.Format(CheckInText.ResourceManager, Code, culture, Args);
}
