using KpiBot.Core.Calendar;
using KpiBot.Core.Charts;
using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Digest;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Delivery;

/// <summary>
/// Sends one claimed delivery — a prompt, reminder, digest or notice — at most once: the row is taken (Preparing,
/// with this attempt's number) while the message is got ready, moves to Sending only right before the platform is
/// called (<see cref="BeforePost"/>), and to a final state after. A sender that dies or loses its database before
/// that moment has posted nothing, and the next attempt takes the row over; only a send cut short on the wire ends
/// Unknown. A reminder for someone who answered, skipped or is off (or a snoozed card since answered), a prompt for
/// a day off, and a notice of a blocker already resolved, end Skipped. A rate limit or a passing failure puts the
/// row back for a later attempt (bounded); an unreachable person ends Unreachable, which leads see in status. A
/// snooze (<see cref="OccurrenceKind.DailySnooze"/>) claimed before its time is put back until the time the rep chose.
/// </summary>
public sealed class DeliveryService(
    IDeliveryStore store,
    IChatPort chat,
    IGoalsProvider goals,
    IDayStore days,
    ICheckInRepository checkIns,
    IBlockerStore blockers,
    IChannelLinkStore channels,
    CheckInPrompts prompts,
    DigestBuilder digests,
    TimeProvider time,
    DeliveryOptions options,
    ChatDirectory? directory = null,
    IChartRenderer? charts = null,
    IOutcomeStore? outcomes = null)
{
    /// <summary>Sends one delivery: a batch of one (<see cref="BeginAsync"/>, then <see cref="SendAsync(SendBatch, DeliveryRecord, CancellationToken)"/>).</summary>
    public async Task<DeliveryStep> SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var batch = await BeginAsync([deliveryId], cancellationToken);
        return batch.Taken.Count == 0 ? DeliveryStep.Done : await SendAsync(batch, batch.Taken[0], cancellationToken);
    }

    /// <summary>
    /// Takes a batch of rows (<see cref="IDeliveryStore.BeginSendAsync(IReadOnlyCollection{long}, DateTimeOffset, CancellationToken)"/>)
    /// and reads, once for the whole batch, what its check-in cards need: the recipients' time off, the state of
    /// the day a reminder is for, the values recorded on the cards' days, and where each recipient is reached
    /// (<see cref="ChatDirectory.ProfilesAsync"/>) — one query each instead of one per send.
    /// </summary>
    public async Task<SendBatch> BeginAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        var now = time.GetUtcNow();
        var taken = (await store.BeginSendAsync(deliveryIds, now, cancellationToken)).Where(r => r.State == DeliveryState.Preparing).ToList();
        var model = taken.Count == 0 ? null : await goals.CurrentAsync(cancellationToken);
        var cards = model is null
            ? []
            : taken
                .Select(r => r.Occurrence)
                .Where(o => CardCadence(o.Kind) is not null && o.DueAtUtc <= now && model.PeopleById.ContainsKey(o.RecipientId))
                .ToList();
        if (cards.Count == 0)
        {
            return new SendBatch(model, taken);
        }

        var people = cards.Select(o => o.RecipientId).Distinct(StringComparer.Ordinal).ToList();
        var workDays = cards.Select(o => o.WorkDay).Distinct().ToList();
        var timeOff = await days.TimeOffAsync(people, workDays.Min(), workDays.Max(), cancellationToken);
        var states = new Dictionary<(string, DateOnly), DayState>();
        foreach (var reminders in cards.Where(o => IsReminder(o.Kind)).GroupBy(o => o.WorkDay))
        {
            var ofDay = await days.StatesAsync([.. reminders.Select(o => o.RecipientId).Distinct(StringComparer.Ordinal)], reminders.Key, cancellationToken);
            foreach (var (personId, state) in ofDay)
            {
                states[(personId, reminders.Key)] = state;
            }
        }

        // A reminder asks whether its work day was answered; a card shows what was recorded on its card day.
        var recordedDays = cards.SelectMany(o => new[]
        {
            o.WorkDay, CardKdis.CardDay(model!, model!.PeopleById[o.RecipientId], CardCadence(o.Kind)!.Value, o.WorkDay),
        }).Distinct().ToList();
        var recorded = await checkIns.GetDaysAsync(people, recordedDays, cancellationToken);
        var profiles = directory is null ? null : await directory.ProfilesAsync(people, cancellationToken);
        return new SendBatch(model, taken)
        {
            TimeOff = timeOff,
            States = states,
            Recorded = recorded.ToLookup(e => (e.PersonId, e.Day)),
            Profiles = profiles,
            People = people.ToHashSet(StringComparer.Ordinal),
            Days = recordedDays.ToHashSet(),
        };
    }

    /// <summary>Sends one row of <paramref name="batch"/> (taken by <see cref="BeginAsync"/>) from what the batch read.</summary>
    public async Task<DeliveryStep> SendAsync(SendBatch batch, DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(record);
        var send = new Attempt(store, record, time);
        if (record.Occurrence.Kind is OccurrenceKind.DailySnooze or OccurrenceKind.WeeklySnooze
            && record.Occurrence.DueAtUtc > time.GetUtcNow())
        {
            // A snooze is claimed when the rep asks and sent at the time they chose: wait until then.
            return await RetryAsync(send, record.Occurrence.DueAtUtc, "snoozed until " + record.Occurrence.DueAtUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture), time.GetUtcNow(), cancellationToken);
        }

        var model = batch.Model ?? await goals.CurrentAsync(cancellationToken);
        if (model is not null && await ZoneCheckAsync(model, batch, record.Occurrence, cancellationToken) is { } replanned)
        {
            var at = time.GetUtcNow();
            if (replanned.DueAtUtc > at)
            {
                return await RetryAsync(send, replanned.DueAtUtc, "due then in the person's own time zone", at, cancellationToken);
            }

            if (OccurrencePlanner.IsStale(model, replanned, at))
            {
                await send.CompleteAsync(DeliveryState.Skipped, null, "past in the person's own time zone", at, cancellationToken);
                return DeliveryStep.Done;
            }
        }

        var (outcome, skipReason) = model is null
            ? (null, "no goals imported")
            : await SendOccurrenceAsync(model, batch, send, cancellationToken);
        var now = time.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.Withdrawn:
                // Another sender took the row over before the post: it is theirs now, and nothing was posted.
                return DeliveryStep.Done;
            case null:
                await send.CompleteAsync(DeliveryState.Skipped, null, skipReason, now, cancellationToken);
                return DeliveryStep.Done;
            case SendOutcome.Delivered delivered:
                await send.CompleteAsync(DeliveryState.Sent, delivered.Message, null, now, cancellationToken);
                return DeliveryStep.Done;
            case SendOutcome.Unreachable unreachable:
                await send.CompleteAsync(DeliveryState.Unreachable, null, unreachable.Reason, now, cancellationToken);
                return DeliveryStep.Done;
            case SendOutcome.Unknown unknown:
                // Sending it again could post it twice: at most once.
                await send.CompleteAsync(DeliveryState.Unknown, null, unknown.Reason, now, cancellationToken);
                return DeliveryStep.Done;
            // A rate limit is the platform pacing us, not a failure: wait as it says, however often, until the
            // occurrence is too old to be worth sending.
            case SendOutcome.RateLimited limited when now - record.Occurrence.DueAtUtc < options.GiveUpAfter:
                return await RetryAsync(send, now + limited.RetryAfter, $"rate limited for {limited.RetryAfter}", now, cancellationToken);
            case SendOutcome.Transient transient when record.Attempts < options.MaxAttempts:
                return await RetryAsync(send, now + Backoff(record.Attempts), transient.Reason, now, cancellationToken);
            default:
                await send.CompleteAsync(DeliveryState.Failed, null, $"gave up after {record.Attempts} attempts: {outcome}", now, cancellationToken);
                return DeliveryStep.Done;
        }
    }

    /// <summary>
    /// A prompt planned in the team's zone for someone whose own zone was not known yet: they are found in the
    /// chat first (which may link them and learn their zone), and when their zone is another, the prompt of the
    /// same work day as it falls in their zone; null when nothing changes. Only a prompt at its scheduled time:
    /// one a lead sent now (<c>start</c>) is for today as the lead sees it, and stays.
    /// </summary>
    private async Task<Occurrence?> ZoneCheckAsync(GoalsModel model, SendBatch batch, Occurrence occurrence, CancellationToken cancellationToken)
    {
        if (directory is null
            || occurrence.Kind is not (OccurrenceKind.DailyPrompt or OccurrenceKind.WeeklyPrompt)
            || !model.PeopleById.TryGetValue(occurrence.RecipientId, out var person)
            || person.TimeZone is not null || person.ChatTimeZone is not null)
        {
            return null;
        }

        var cadence = occurrence.Kind == OccurrenceKind.WeeklyPrompt ? KdiCadence.Weekly : KdiCadence.Daily;
        if (OccurrencePlanner.PromptFor(model, person, occurrence.WorkDay, cadence)?.DueAtUtc != occurrence.DueAtUtc)
        {
            return null;
        }

        var reach = await directory.ReachAsync(person.Id, person.Email, batch.ProfileOf(person.Id), cancellationToken);
        if (reach.TimeZone is not { } zone || zone == Zones.ZoneOf(person, model) || !Zones.TryFind(zone, out _))
        {
            return null;
        }

        var replanned = OccurrencePlanner.PromptFor(model, person with { ChatTimeZone = zone }, occurrence.WorkDay, cadence);
        return replanned is null || replanned.DueAtUtc == occurrence.DueAtUtc ? null : replanned;
    }

    private static async Task<DeliveryStep> RetryAsync(Attempt send, DateTimeOffset at, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await send.ReleaseAsync(at, detail, now, cancellationToken);
        return DeliveryStep.Retry(at);
    }

    /// <summary>Exponential back-off with up to 20 % jitter, so many retries do not arrive together.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var baseDelay = options.FirstBackoff * Math.Pow(2, Math.Max(0, attempts - 1));
        return baseDelay + baseDelay * (Random.Shared.NextDouble() * 0.2);
    }

    private async Task<(SendOutcome? Outcome, string? SkipReason)> SendOccurrenceAsync(
        GoalsModel model, SendBatch batch, Attempt send, CancellationToken cancellationToken)
    {
        var occurrence = send.Record.Occurrence;
        if (occurrence.Kind == OccurrenceKind.Digest)
        {
            return await SendDigestAsync(model, send, occurrence, cancellationToken);
        }

        if (occurrence.Kind == OccurrenceKind.BlockerNotice)
        {
            return await SendBlockerNoticeAsync(model, send, occurrence, cancellationToken);
        }

        if (!model.PeopleById.TryGetValue(occurrence.RecipientId, out var person))
        {
            return (null, "no longer in the goals file");
        }

        if (occurrence.Kind is OccurrenceKind.OutcomePrompt or OccurrenceKind.OutcomeReminder)
        {
            return await SendOutcomeAskAsync(model, send, person, occurrence, cancellationToken);
        }

        var cadence = CardCadence(occurrence.Kind)!.Value;
        var isSnooze = occurrence.Kind is OccurrenceKind.DailySnooze or OccurrenceKind.WeeklySnooze;
        var isReminder = IsReminder(occurrence.Kind);
        var cardDay = CardKdis.CardDay(model, person, cadence, occurrence.WorkDay);
        var read = batch.Has(person.Id, occurrence.WorkDay) && batch.Has(person.Id, cardDay);
        if (isReminder)
        {
            // A reminder only for a card still unanswered: a weekly card is answered by values of weekly KDIs
            // (kept on the week's first day, where daily values of that Monday live too), a daily one by values
            // of daily KDIs or a skip; nobody is reminded on a day off.
            var state = read && batch.States.TryGetValue((person.Id, occurrence.WorkDay), out var known)
                ? known
                : (await days.StatesAsync([person.Id], occurrence.WorkDay, cancellationToken)).GetValueOrDefault(person.Id, DayState.None);
            var answered = read ? batch.Recorded[(person.Id, occurrence.WorkDay)] : await checkIns.GetDayAsync(person.Id, occurrence.WorkDay, cancellationToken);
            if ((cadence == KdiCadence.Daily && state is DayState.Off or DayState.Skipped)
                || answered.Any(e => model.NodesById.TryGetValue(e.NodeId, out var node) && node is Kdi kdi && kdi.Cadence == cadence))
            {
                return (null, "already answered, skipped or off");
            }
        }
        else if (cadence == KdiCadence.Daily
            && (read ? batch.TimeOff : await days.TimeOffAsync([person.Id], occurrence.WorkDay, occurrence.WorkDay, cancellationToken))
                .TryGetValue(person.Id, out var off) && off.Contains(occurrence.WorkDay))
        {
            // A prompt needs only the time off of its day; the planner already kept to working days.
            return (null, "day off");
        }

        var promptKind = cadence == KdiCadence.Weekly ? OccurrenceKind.WeeklyPrompt : OccurrenceKind.DailyPrompt;
        var promptKey = new Occurrence(promptKind, person.Id, occurrence.WorkDay, occurrence.DueAtUtc).Key;
        var culture = Languages.For(person, model);
        var prompt = read
            ? CheckInPrompts.Build(model, person, occurrence.WorkDay, cadence, promptKey, culture, batch.Recorded[(person.Id, cardDay)])
            : await prompts.BuildAsync(model, person, occurrence.WorkDay, cadence, promptKey, culture, cancellationToken);
        if (prompt is null)
        {
            return (null, "no KDI to ask for");
        }

        ChatView view = isReminder
            ? new ReminderView(
                Localized.Format(DeliveryText.ResourceManager,
                    (cadence, isSnooze) switch
                    {
                        (KdiCadence.Weekly, true) => nameof(DeliveryText.Snooze_Weekly),
                        (_, true) => nameof(DeliveryText.Snooze_Daily),
                        (KdiCadence.Weekly, _) => nameof(DeliveryText.Reminder_Weekly),
                        _ => nameof(DeliveryText.Reminder_Daily),
                    },
                    culture, occurrence.WorkDay),
                prompt)
            : prompt;
        return (await chat.SendToPersonAsync(person.Id, person.Email, batch.ProfileOf(person.Id), view, send.BeforePostAsync, cancellationToken), null);
    }

    /// <summary>The cadence of a check-in card's occurrence (a prompt, reminder or snooze); null for other kinds.</summary>
    private static KdiCadence? CardCadence(OccurrenceKind kind) => kind switch
    {
        OccurrenceKind.DailyPrompt or OccurrenceKind.DailyReminder or OccurrenceKind.DailySnooze => KdiCadence.Daily,
        OccurrenceKind.WeeklyPrompt or OccurrenceKind.WeeklyReminder or OccurrenceKind.WeeklySnooze => KdiCadence.Weekly,
        _ => null,
    };

    private static bool IsReminder(OccurrenceKind kind) =>
        kind is OccurrenceKind.DailyReminder or OccurrenceKind.WeeklyReminder or OccurrenceKind.DailySnooze or OccurrenceKind.WeeklySnooze;

    /// <summary>
    /// Asks a reporter for the outcomes due on the ask's day that are still unreported for their period (the
    /// reminder too): the report form with them named, its text the way to report in words. Nothing when all are
    /// reported, or when only daily outcomes are due on the reporter's day off.
    /// </summary>
    private async Task<(SendOutcome? Outcome, string? SkipReason)> SendOutcomeAskAsync(
        GoalsModel model, Attempt send, Person person, Occurrence occurrence, CancellationToken cancellationToken)
    {
        if (outcomes is null)
        {
            return (null, "reported outcomes are not stored by this host");
        }

        var due = OutcomeAsks.DueOn(model, person, occurrence.WorkDay);
        var open = new List<OutcomeAsk>(due.Count);
        foreach (var ask in due)
        {
            var personId = OutcomeNodes.ReportingOf(ask.Node)!.PerPerson ? person.Id : null;
            if (await outcomes.GetAsync(ask.Node.Id, personId, ask.Period.Start, cancellationToken) is null)
            {
                open.Add(ask);
            }
        }

        if (open.Count == 0)
        {
            return (null, due.Count == 0 ? "no outcome to ask for" : "already reported");
        }

        if (open.TrueForAll(a => OutcomeNodes.ReportingOf(a.Node)!.Every == PeriodKind.Day)
            && (await days.TimeOffAsync([person.Id], occurrence.WorkDay, occurrence.WorkDay, cancellationToken)).ContainsKey(person.Id))
        {
            return (null, "day off");
        }

        var view = ReportForms.Ask(model, person, Languages.For(person, model), occurrence.WorkDay, open,
            reminder: occurrence.Kind == OccurrenceKind.OutcomeReminder);
        return (await chat.SendToPersonAsync(person.Id, view, send.BeforePostAsync, cancellationToken), null);
    }

    private async Task<(SendOutcome? Outcome, string? SkipReason)> SendDigestAsync(
        GoalsModel model, Attempt send, Occurrence occurrence, CancellationToken cancellationToken)
    {
        if (!model.TeamsById.TryGetValue(occurrence.RecipientId, out var team))
        {
            return (null, "team no longer in the goals file");
        }

        var links = await channels.LinksOfTeamAsync(team.Id, cancellationToken);
        if (links.Count == 0)
        {
            return (null, "no channel linked to the team");
        }

        var view = await digests.BuildAsync(model, team, occurrence.WorkDay, Languages.ForTeam(team, model), cancellationToken);
        ChartImageView? chart = null;
        var parts = new List<DeliveryPart>();
        foreach (var channel in links)
        {
            var key = $"{channel.Platform}|{channel.TenantId}|{channel.ConversationId}";
            parts.Add(new DeliveryPart(key, channel, ct => chat.PostToChannelAsync(channel, view, send.BeforePostAsync, ct)));
            if (view.Chart is { } digestChart && charts is not null && chat.PostsChartsSeparately(channel.Platform))
            {
                // The chart is a part of its own after the digest: a retried upload (rate limit, passing failure)
                // sends only the chart again, never the digest; once shared it is noted done and not sent again.
                chart ??= new ChartImageView(digestChart.Caption, charts.Png(digestChart.Chart, DigestCharts.Width, DigestCharts.Height),
                    digestChart.FileName, digestChart.Chart.Title, digestChart.AltText);
                var image = chart;
                parts.Add(new DeliveryPart(key + "|chart", channel, ct => chat.PostToChannelAsync(channel, image, send.BeforePostAsync, ct)));
            }
        }

        return (await SendEachAsync(send.Record.Id, parts, cancellationToken), null);
    }

    /// <summary>Tells each lead of the person's team (or the admins) of the blocker, in their language, with its latest note.</summary>
    private async Task<(SendOutcome? Outcome, string? SkipReason)> SendBlockerNoticeAsync(
        GoalsModel model, Attempt send, Occurrence occurrence, CancellationToken cancellationToken)
    {
        if (!model.PeopleById.TryGetValue(occurrence.RecipientId, out var person))
        {
            return (null, "no longer in the goals file");
        }

        if ((await blockers.OpenAsync([person.Id], cancellationToken)).FirstOrDefault() is not { } blocker)
        {
            return (null, "blocker already resolved");
        }

        var recipients = BlockerNotices.Recipients(model, person);
        if (recipients.Count == 0)
        {
            return (null, "no lead or admin to tell");
        }

        var parts = recipients.Select(lead => new DeliveryPart(
            "person|" + lead.Id, null, ct => chat.SendToPersonAsync(lead.Id, BlockerNotices.View(model, lead, person, blocker.Day, blocker.Note), send.BeforePostAsync, ct))).ToList();
        return (await SendEachAsync(send.Record.Id, parts, cancellationToken), null);
    }

    /// <summary>
    /// Sends each part (a channel, a person) not done by an earlier attempt and notes each one done (delivered,
    /// or unreachable: retrying will not help it). A rate limit or passing failure stops there and is returned,
    /// so the retry sends only the parts still missing. The first delivered message is the delivery's reference.
    /// </summary>
    private async Task<SendOutcome> SendEachAsync(long deliveryId, IReadOnlyList<DeliveryPart> parts, CancellationToken cancellationToken)
    {
        var done = DeliveryPart.Parse(await store.DonePartsAsync(deliveryId, cancellationToken));
        SendOutcome? result = null;
        foreach (var part in parts)
        {
            var earlier = done.TryGetValue(part.Key, out var fields) ? part.Earlier(fields) : null;
            var outcome = earlier ?? await part.Send(cancellationToken);
            if (outcome is SendOutcome.RateLimited or SendOutcome.Transient or SendOutcome.Withdrawn)
            {
                return outcome;
            }

            if (earlier is null)
            {
                await store.MarkPartDoneAsync(deliveryId, part.Done(outcome), cancellationToken);
            }

            if (result is not SendOutcome.Delivered)
            {
                result = outcome is SendOutcome.Delivered ? outcome : result ?? outcome;
            }
        }

        return result!;
    }

    /// <summary>
    /// This sender's hold on a row (its attempt number): the moment before the first post, noted once, and the
    /// row's end, each only while the row is still this sender's.
    /// </summary>
    private sealed class Attempt(IDeliveryStore store, DeliveryRecord record, TimeProvider time)
    {
        private bool _posting;

        public DeliveryRecord Record => record;

        public async Task<bool> BeforePostAsync(CancellationToken cancellationToken) =>
            _posting || (_posting = await store.BeginPostAsync(record.Id, record.Attempts, time.GetUtcNow(), cancellationToken));

        public Task CompleteAsync(DeliveryState state, MessageRef? message, string? detail, DateTimeOffset now, CancellationToken cancellationToken) =>
            store.CompleteAsync(record.Id, record.Attempts, state, message, detail, now, cancellationToken);

        public Task ReleaseAsync(DateTimeOffset retryAt, string? detail, DateTimeOffset now, CancellationToken cancellationToken) =>
            store.ReleaseAsync(record.Id, record.Attempts, retryAt, detail, now, cancellationToken);
    }
}
