using System.Globalization;
using System.Text.RegularExpressions;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// "Later": a rep asks for a card again in 30 minutes, 1 or 2 hours, or at a time later today, and gets it once
/// more then. The snooze is a delivery row like any prompt (<see cref="OccurrenceKind.DailySnooze"/> or
/// <see cref="OccurrenceKind.WeeklySnooze"/>, key per person and card day, so each card is snoozed at most once)
/// claimed now and due at the chosen time: the send job waits until then, and skips it if the card was
/// answered, skipped or the day taken off in the meantime.
/// </summary>
public sealed partial class Snoozes(IDeliveryStore deliveries, IDeliveryQueue queue, ICheckInRepository entries, IDayStore days)
{
    /// <summary>The longest wait: a card is asked again the same working day, not the next one.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(12);

    /// <summary>The shortest wait, so a clock time a minute away is not sent before the reply.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);

    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));
    private readonly ICheckInRepository _entries = entries ?? throw new ArgumentNullException(nameof(entries));
    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    /// <summary>Snoozes the person's card of <paramref name="day"/>; the reply says until when, or why not.</summary>
    public async Task<ChatView> LaterAsync(CommandContext context, DateOnly day, KdiCadence cadence, string? when, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (person, culture) = (context.Person, context.Culture);
        var cardDay = CardKdis.CardDay(context.Model, person, cadence, day);
        var kdis = CardKdis.Of(context.Model, person, cadence, cardDay);
        if (kdis.Count == 0)
        {
            return new MessageView(Texts.Format(nameof(ConversationText.Card_NothingToRecord), culture, cardDay));
        }

        if (ClosedDays.Refusal(context, cardDay, cadence) is { } closed)
        {
            return closed.View;
        }

        if (await AnsweredAsync(person, cardDay, cadence, kdis, ct).ConfigureAwait(false))
        {
            return new MessageView(Texts.Format(nameof(ConversationText.Later_Answered), culture, cardDay));
        }

        var zone = Zones.Find(Zones.ZoneOf(person, context.Model));
        var parsed = Parse(when, context.Now, zone);
        if (parsed.Error is { } error)
        {
            return new ErrorView(Texts.Format(error, culture, (when ?? string.Empty).Trim(), Local(parsed.At, zone)));
        }

        var kind = cadence == KdiCadence.Weekly ? OccurrenceKind.WeeklySnooze : OccurrenceKind.DailySnooze;
        var occurrence = new Occurrence(kind, person.Id, cardDay, parsed.At);
        var claimed = await DeliveryHandOver.ClaimAsync(_deliveries, _queue, [occurrence], context.Now, ct).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            var earlier = await _deliveries.FindAsync(occurrence.Key, ct).ConfigureAwait(false);
            return new MessageView(Texts.Format(nameof(ConversationText.Later_Once), culture, cardDay, Local(earlier?.Occurrence.DueAtUtc ?? parsed.At, zone)));
        }

        return new MessageView(Texts.Format(nameof(ConversationText.Later_Saved), culture, cardDay, Local(parsed.At, zone)));
    }

    /// <summary>
    /// When "later" means: a wait ("30m", "1h", "2h", "90 min", "1時間", "30分") or a clock time later today in
    /// the person's zone ("17:30", "17時", "17時30分"). The error is a resource key (arguments: the text, the time).
    /// </summary>
    public static (DateTimeOffset At, string? Error) Parse(string? when, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var text = (when ?? string.Empty).Trim().ToLowerInvariant().Replace('：', ':');
        if (Wait().Match(text) is { Success: true } wait)
        {
            var amount = int.Parse(wait.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = wait.Groups["unit"].Value;
            var span = unit.StartsWith('h') || unit.StartsWith('時') ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
            return Within(now + span, now);
        }

        if (Clock().Match(text) is { Success: true } clock)
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = clock.Groups["m"].Success ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hour > 23 || minute > 59)
            {
                return (now, nameof(ConversationText.Later_Unknown));
            }

            var local = TimeZoneInfo.ConvertTime(now, zone);
            var wall = local.Date + new TimeSpan(hour, minute, 0);
            var at = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            return at <= now ? (at, nameof(ConversationText.Later_Passed)) : Within(at, now);
        }

        return (now, nameof(ConversationText.Later_Unknown));
    }

    private static (DateTimeOffset At, string? Error) Within(DateTimeOffset at, DateTimeOffset now) =>
        at - now < Shortest ? (at, nameof(ConversationText.Later_Unknown))
        : at - now > Longest ? (at, nameof(ConversationText.Later_TooFar))
        : (at.ToUniversalTime(), null);

    private static DateTime Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    private async Task<bool> AnsweredAsync(Person person, DateOnly cardDay, KdiCadence cadence, IReadOnlyList<Kdi> kdis, CancellationToken ct)
    {
        if (cadence == KdiCadence.Daily
            && (await _days.StatesAsync([person.Id], cardDay, ct).ConfigureAwait(false)).GetValueOrDefault(person.Id) is DayState.Skipped or DayState.Off)
        {
            return true;
        }

        var ids = kdis.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        return (await _entries.GetDayAsync(person.Id, cardDay, ct).ConfigureAwait(false)).Any(e => ids.Contains(e.NodeId));
    }

    [GeneratedRegex(@"^(in\s+)?(?<n>\d{1,3})\s*(?<unit>m|min|mins|minutes?|h|hr|hrs|hours?|分|時間)(後)?$")]
    private static partial Regex Wait();

    [GeneratedRegex(@"^(at\s+)?(?<h>\d{1,2})(:(?<m>\d{2})|時((?<m>\d{1,2})分)?)$")]
    private static partial Regex Clock();
}
