using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>Which KDIs go on a person's card, the day a card is keyed by, and each KDI's target for one person.</summary>
public static class CardKdis
{
    /// <summary>The person's team's KDIs of <paramref name="cadence"/> whose goal window holds <paramref name="cardDay"/>, in file order.</summary>
    public static IReadOnlyList<Kdi> Of(GoalsModel model, Person person, KdiCadence cadence, DateOnly cardDay)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        return [.. model.Kdis.Where(k => k.TeamId == person.TeamId && k.Cadence == cadence && IsActive(model, k, cardDay))];
    }

    /// <summary>Whether values may be recorded for the KDI on the day: the day lies in its KPI's window (else its KGI's).</summary>
    public static bool IsActive(GoalsModel model, Kdi kdi, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kdi);
        return model.NodesById.ContainsKey(kdi.KpiId) && model.ActiveWindowOf(kdi).Contains(day);
    }

    /// <summary>The day a card is keyed by: the work day itself, or for weekly KDIs the first day of its week (the team's week start).</summary>
    public static DateOnly CardDay(GoalsModel model, Person person, KdiCadence cadence, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        if (cadence == KdiCadence.Daily)
        {
            return day;
        }

        var weekStart = model.TeamsById.TryGetValue(person.TeamId, out var team) ? team.WeekStart : DayOfWeek.Monday;
        return PeriodWindow.Containing(PeriodKind.Week, day, new PeriodWindow(day, day), weekStart).Start;
    }

    /// <summary>The KDI's target for one person: its own for <c>per: person</c>, the team target ÷ the team's reps for <c>per: team</c>.</summary>
    public static decimal PersonTarget(GoalsModel model, Kdi kdi)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kdi);
        if (kdi.Scope == TargetScope.Person)
        {
            return kdi.Target;
        }

        var reps = model.MembersOf(kdi.TeamId).Count(p => p.Role == Role.Rep);
        return kdi.Target / Math.Max(1, reps);
    }
}
