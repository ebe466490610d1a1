using System.Diagnostics;
using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>
/// <c>start</c>: sends now what the schedule would send the team's reps today, each on their local today — the
/// daily prompt on a working day, and the weekly prompt on the team's weekly day — to everyone not off, with the
/// schedule's own keys, so nothing already sent is sent again. Then it waits a little
/// (<see cref="DeliveryOptions.StartReportWait"/>) for the sends and says what happened to each person: sent,
/// already had it, not found in chat, not reachable and why, still being sent.
/// </summary>
public sealed class StartCommand(IDayStore days, IDeliveryStore deliveries, IDeliveryQueue queue, DeliveryOptions? options = null) : ICommandHandler
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));
    private readonly IDeliveryStore _deliveries = deliveries ?? throw new ArgumentNullException(nameof(deliveries));
    private readonly IDeliveryQueue _queue = queue ?? throw new ArgumentNullException(nameof(queue));
    private readonly TimeSpan _wait = (options ?? new DeliveryOptions()).StartReportWait;

    public string Name => "start";

    public IReadOnlyList<string> Aliases { get; } = ["開始"];

    public Role MinimumRole => Role.Lead;

    public HelpItem Help(CultureInfo culture) =>
        LeadTexts.Help(nameof(LeadText.Help_Start_Usage), nameof(LeadText.Help_Start_Description), culture);

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        if (TodayClaims.TeamFor(context, arguments) is not { } team)
        {
            return ChatReply.Say(new ErrorView(LeadTexts.Format(
                nameof(LeadText.Link_UnknownTeam), culture, arguments.Trim(), TeamList.Of(context.Model, culture))));
        }

        var reps = RepDays.RepsOf(context.Model, team.Id).ToList();
        var today = await RepDays.TodayAsync(context.Model, reps, context.Now, _days, cancellationToken).ConfigureAwait(false);
        var due = today.Where(d => d.State != DayState.Off).SelectMany(d => DueToday(context.Model, d, context.Now)).ToList();
        if (due.Count == 0)
        {
            return ChatReply.Say(new MessageView(LeadTexts.Get(nameof(LeadText.Start_Nobody), culture)));
        }

        var claimed = await _deliveries.ClaimAsync(due, context.Now, cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        // Daily prompts first, weekly ones once those went out: someone without a chat identity yet is then looked
        // up and linked once, not by two sends at the same time. A claim not queued yet is picked up by the
        // dispatcher's sweep for stranded claims if this host stops in between.
        foreach (var kind in new[] { OccurrenceKind.DailyPrompt, OccurrenceKind.WeeklyPrompt })
        {
            var keys = due.Where(o => o.Kind == kind).Select(o => o.Key).ToList();
            var ids = (await _deliveries.FindManyAsync(keys, cancellationToken).ConfigureAwait(false))
                .Where(r => claimed.Contains(r.Id)).Select(r => r.Id).ToList();
            if (ids.Count > 0)
            {
                await _queue.EnqueueAsync(ids, cancellationToken).ConfigureAwait(false);
                await _deliveries.MarkEnqueuedAsync(ids, context.Now, cancellationToken).ConfigureAwait(false);
                await SettledAsync(keys, watch, cancellationToken).ConfigureAwait(false);
            }
        }

        var rows = await SettledAsync([.. due.Select(o => o.Key)], watch, cancellationToken).ConfigureAwait(false);
        var text = StartReport.Text(context.Model, team, rows, claimed.ToHashSet(), culture);
        // Names of people who could not be reached are for the lead, not for a channel.
        return ChatReply.Say(new MessageView(text), ReplyVisibility.Private);
    }

    /// <summary>The prompts of the rep's local today: daily on a working day, weekly when today is the week's prompt day.</summary>
    private static IEnumerable<Occurrence> DueToday(GoalsModel model, RepDay rep, DateTimeOffset now)
    {
        foreach (var cadence in new[] { KdiCadence.Daily, KdiCadence.Weekly })
        {
            if (OccurrencePlanner.PromptFor(model, rep.Person, rep.Day, cadence) is not { } prompt)
            {
                continue;
            }

            var dueDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(prompt.DueAtUtc, Zones.Find(Zones.ZoneOf(rep.Person, model))).DateTime);
            if (dueDay == rep.Day)
            {
                // The schedule's key (kind, person, work day), sent now.
                yield return prompt with { DueAtUtc = now };
            }
        }
    }

    /// <summary>The rows of <paramref name="keys"/> once none is pending or in flight any more, or when the wait is over.</summary>
    private async Task<IReadOnlyList<DeliveryRecord>> SettledAsync(IReadOnlyCollection<string> keys, Stopwatch watch, CancellationToken ct)
    {
        while (true)
        {
            var rows = await _deliveries.FindManyAsync(keys, ct).ConfigureAwait(false);
            if (rows.All(r => !r.State.IsInProgress()) || watch.Elapsed >= _wait)
            {
                return rows;
            }

            // Wall-clock waiting for the background senders, not the domain's time.
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }
}
