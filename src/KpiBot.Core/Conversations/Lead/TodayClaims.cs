using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>How many of the wanted deliveries this call claimed (and enqueued), and how many were claimed before.</summary>
internal sealed record ClaimResult(int Claimed, int AlreadyClaimed);

/// <summary>
/// Claims today's occurrences for a team's reps with the schedule's keys (kind, person, the person's local
/// work day), so a manual <c>start</c> or <c>remind</c> and the schedule never send the same thing twice.
/// </summary>
internal static class TodayClaims
{
    public static async Task<ClaimResult> ClaimAsync(
        OccurrenceKind kind,
        IReadOnlyList<RepDay> recipients,
        DateTimeOffset now,
        IDeliveryStore store,
        IDeliveryQueue queue,
        CancellationToken ct)
    {
        if (recipients.Count == 0)
        {
            return new ClaimResult(0, 0);
        }

        var occurrences = recipients.Select(r => new Occurrence(kind, r.Person.Id, r.Day, now)).ToList();
        var ids = await DeliveryHandOver.ClaimAsync(store, queue, occurrences, now, ct).ConfigureAwait(false);

        return new ClaimResult(ids.Count, recipients.Count - ids.Count);
    }

    /// <summary>The team whose reps a lead acts on: their own; an admin may name one.</summary>
    public static Team? TeamFor(CommandContext context, string arguments) =>
        context.Person.Role == Role.Admin && !string.IsNullOrWhiteSpace(arguments)
            ? Lookup.Team(context.Model, arguments)
            : context.Model.TeamsById[context.Person.TeamId];

    /// <summary>Whether the team has daily KDIs, i.e. whether its reps get a daily prompt at all.</summary>
    public static bool HasDailyKdis(GoalsModel model, string teamId) =>
        model.Kdis.Any(k => k.TeamId == teamId && k.Cadence == KdiCadence.Daily);
}
