using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Scheduling;

/// <summary>
/// When each prompt, reminder and digest is due: a pure function of the goals model (teams' schedules,
/// calendars and zones), the window asked about and the people's time off. No clock and no I/O; the
/// dispatcher passes the window, e.g. (last run, now] or (now − catch-up, now] after downtime.
/// Rules and examples: docs/scheduling.md.
/// </summary>
public static class OccurrencePlanner
{
    /// <summary>
    /// Every occurrence whose <see cref="Occurrence.DueAtUtc"/> is in (<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>], each once, ordered by due time, then kind, then recipient.
    /// <paramref name="timeOff"/> maps person ids to their days off (local work days).
    /// </summary>
    public static IReadOnlyList<Occurrence> Due(
        GoalsModel model,
        DateTimeOffset fromUtc,
        DateTimeOffset toUtc,
        IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>? timeOff = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (toUtc < fromUtc)
        {
            throw new ArgumentOutOfRangeException(nameof(toUtc), toUtc, "The window ends before it starts.");
        }

        var plan = SchedulePlan.For(model);
        var window = new DueWindow(model, fromUtc, toUtc, timeOff);
        var due = new List<Occurrence>();
        foreach (var team in plan.Teams)
        {
            window.AddDue(team, due);
        }

        foreach (var group in plan.Outcomes.Groups)
        {
            window.AddOutcomeAsks(group, due);
        }

        due.Sort(static (a, b) =>
        {
            var byTime = a.DueAtUtc.CompareTo(b.DueAtUtc);
            var byKind = byTime != 0 ? byTime : a.Kind.CompareTo(b.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.RecipientId, b.RecipientId);
        });
        return due;
    }

    /// <summary>
    /// The daily or weekly prompt of <paramref name="person"/> for the work day (any day of the week for
    /// weekly, whose occurrence is keyed by the week's first day), as <see cref="Due"/> makes it: null when
    /// the day is not a working day of the person's team (weekly: the week has none), or when the person gets
    /// no prompt of that cadence (not a rep, or the team has no KDI of that cadence running that day or week). Time off is not known
    /// here; a weekly prompt moved earlier by time off keeps the same key.
    /// </summary>
    public static Occurrence? PromptFor(GoalsModel model, Person person, DateOnly workDay, KdiCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        var team = SchedulePlan.For(model).TeamsById[person.TeamId];
        if (!team.Prompts(person, cadence))
        {
            return null;
        }

        var zone = Zones.Find(Zones.ZoneOf(person, model));
        if (cadence == KdiCadence.Daily)
        {
            return team.Calendar.IsWorkingDay(workDay) && team.AsksDailyOn(workDay)
                ? new Occurrence(OccurrenceKind.DailyPrompt, person.Id, workDay, LocalTimes.ToUtc(workDay, team.Schedule.DailyAt, zone))
                : null;
        }

        var weekStart = team.WeekStartOf(workDay);
        return team.AsksWeeklyIn(weekStart) && team.WeeklyPromptDay(weekStart) is { } day
            ? new Occurrence(OccurrenceKind.WeeklyPrompt, person.Id, weekStart, LocalTimes.ToUtc(day, team.Schedule.WeeklyAt, zone))
            : null;
    }

    /// <summary>
    /// The reminder for a prompt: due <c>reminder_after</c> after it, with the prompt's work day. Throws when
    /// the person's team has <c>reminder_after: none</c>: check <see cref="CheckInSchedule.ReminderAfter"/> first.
    /// </summary>
    public static Occurrence ReminderFor(GoalsModel model, Person person, Occurrence prompt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(prompt);
        var kind = prompt.Kind switch
        {
            OccurrenceKind.DailyPrompt => OccurrenceKind.DailyReminder,
            OccurrenceKind.WeeklyPrompt => OccurrenceKind.WeeklyReminder,
            OccurrenceKind.OutcomePrompt => OccurrenceKind.OutcomeReminder,
            _ => throw new ArgumentException($"A reminder follows a prompt, not a {prompt.Kind}.", nameof(prompt)),
        };
        if (!string.Equals(prompt.RecipientId, person.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The prompt is for '{prompt.RecipientId}', not '{person.Id}'.", nameof(prompt));
        }

        var after = model.TeamsById[person.TeamId].ScheduleOrDefault.ReminderAfter
            ?? throw new InvalidOperationException($"Team '{person.TeamId}' sends no reminders (reminder_after: none).");
        return new Occurrence(kind, person.Id, prompt.WorkDay, prompt.DueAtUtc + after);
    }

    /// <summary>
    /// Whether an occurrence is too old to send at <paramref name="nowUtc"/>: due longer ago than its team's
    /// <c>catch_up</c> (a dispatcher that was down skips it). Unknown recipients are stale.
    /// </summary>
    public static bool IsStale(GoalsModel model, Occurrence occurrence, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(occurrence);
        var teamId = occurrence.Kind == OccurrenceKind.Digest
            ? occurrence.RecipientId
            : model.PeopleById.TryGetValue(occurrence.RecipientId, out var person) ? person.TeamId : null;
        return teamId is null
            || !model.TeamsById.TryGetValue(teamId, out var team)
            || nowUtc - occurrence.DueAtUtc > team.ScheduleOrDefault.CatchUp;
    }
}
