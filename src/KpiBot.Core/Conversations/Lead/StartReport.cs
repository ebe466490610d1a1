using System.Globalization;
using KpiBot.Core.Conversations;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// What a lead's <c>start</c> did, person by person (a person's daily and weekly prompts together): sent now, had
/// already received it, not found in chat, not reachable (why), still being sent, or not sent (why). Each group
/// lists names (capped), with its count.
/// </summary>
internal static class StartReport
{
    private enum Outcome { Sent, Already, NotFound, Unreachable, Pending, NotSent }

    private static readonly string[] NotFoundReasons = ["no_chat_identity", "no_slack_identity", "no_teams_identity", "users_not_found", "user_not_found"];

    public static string Text(GoalsModel model, Team team, IReadOnlyList<DeliveryRecord> rows, IReadOnlySet<long> claimedNow, CultureInfo culture)
    {
        var people = rows
            .GroupBy(r => r.Occurrence.RecipientId, StringComparer.Ordinal)
            .Select(g => (Name: model.PeopleById.GetValueOrDefault(g.Key)?.DisplayName ?? g.Key, Result: Classify(g.ToList(), claimedNow, culture)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var lines = new List<string> { LeadTexts.Format(nameof(LeadText.Start_Title), culture, team.Name) };
        foreach (var (outcome, key) in new[]
                 {
                     (Outcome.Sent, nameof(LeadText.Start_Sent)),
                     (Outcome.Already, nameof(LeadText.Start_Already)),
                     (Outcome.NotFound, nameof(LeadText.Start_NotFound)),
                     (Outcome.Unreachable, nameof(LeadText.Start_Unreachable)),
                     (Outcome.Pending, nameof(LeadText.Start_Pending)),
                     (Outcome.NotSent, nameof(LeadText.Start_NotSent)),
                 })
        {
            var names = people.Where(p => p.Result.Outcome == outcome)
                .Select(p => p.Result.Reason is { } reason ? LeadTexts.Format(nameof(LeadText.Start_PersonReason), culture, p.Name, reason) : p.Name)
                .ToList();
            if (names.Count > 0)
            {
                lines.Add("・" + LeadTexts.Format(key, culture, names.Count, Texts.List(LeadTexts.Capped(names, culture), culture)));
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>A person's outcome from their prompts' rows: a failure says most, then what is still in flight, then what was sent.</summary>
    private static (Outcome Outcome, string? Reason) Classify(IReadOnlyList<DeliveryRecord> rows, IReadOnlySet<long> claimedNow, CultureInfo culture)
    {
        if (rows.FirstOrDefault(r => r.State is DeliveryState.Unreachable or DeliveryState.Failed) is { } failed)
        {
            return failed.State == DeliveryState.Failed
                ? (Outcome.Unreachable, Reason(nameof(LeadText.Reason_Failing), culture))
                : NotFoundReasons.Contains(failed.Detail ?? string.Empty, StringComparer.Ordinal)
                    ? (Outcome.NotFound, null)
                    : (Outcome.Unreachable, UnreachableReason(failed.Detail, culture));
        }

        if (rows.Any(r => r.State.IsInProgress()))
        {
            return (Outcome.Pending, null);
        }

        if (rows.Any(r => r.State == DeliveryState.Unknown))
        {
            return (Outcome.Unreachable, Reason(nameof(LeadText.Reason_Unknown), culture));
        }

        if (rows.Any(r => r.State == DeliveryState.Sent))
        {
            return rows.Any(r => r.State == DeliveryState.Sent && claimedNow.Contains(r.Id)) ? (Outcome.Sent, null) : (Outcome.Already, null);
        }

        var skipped = rows[0].Detail;
        return (Outcome.NotSent, skipped switch
        {
            "day off" or "already answered, skipped or off" => Reason(nameof(LeadText.Reason_DayOff), culture),
            "no KDI to ask for" => Reason(nameof(LeadText.Reason_NothingToAsk), culture),
            _ => skipped,
        });
    }

    /// <summary>Platform refusals in a lead's words; a code not known here is shown as the platform gave it.</summary>
    private static string? UnreachableReason(string? detail, CultureInfo culture) => detail switch
    {
        null or "" => null,
        "account_inactive" or "user_disabled" or "user_is_restricted" => Reason(nameof(LeadText.Reason_Deactivated), culture),
        _ when detail.Contains("Blocked", StringComparison.OrdinalIgnoreCase) || detail.StartsWith("403", StringComparison.Ordinal)
            || detail is "cannot_dm_bot" or "channel_not_found" or "is_archived" or "not_in_channel"
            => Reason(nameof(LeadText.Reason_Blocked), culture),
        _ => detail,
    };

    private static string Reason(string key, CultureInfo culture) => LeadTexts.Get(key, culture);
}
