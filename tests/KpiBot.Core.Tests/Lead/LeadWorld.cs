using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Delivery;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Scheduling;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;
using static KpiBot.Core.Tests.Rollup.TestGoals;

namespace KpiBot.Core.Tests.Lead;

/// <summary>
/// Team "tokyo" (JP calendar; November 2026 has 19 working days, 2–10 November holds 6: 2, 4, 5, 6, 9, 10):
/// reps aoki, baba, cato, dan, lead chiba, admin yama. Team "osaka": rep eda, lead fuji. KDI "calls"
/// (title "Phone calls", 10 calls a day per person) feeds KPI "dials" (400 a month); osaka has "visits".
/// The clock is Tuesday 10 November 2026, 18:00 in Tokyo (09:00 UTC).
/// </summary>
internal sealed class LeadWorld
{
    public static readonly DateOnly Today = Nov10;
    public static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    public LeadWorld(IEnumerable<Person>? extraPeople = null)
    {
        Model = Model(
            [Kpi("dials", 400m), Kpi("visits", 100m, teamId: "osaka")],
            [Kdi("calls", "dials", 10m, title: "Phone calls"), Kdi("visit-count", "visits", 5m, teamId: "osaka", title: "Visits", unit: "visits")],
            teams: [Team("tokyo"), Team("osaka")],
            people: People("tokyo", "aoki", "baba", "cato", "dan")
                .Append(new Person("chiba", "chiba", "chiba@example.com", Role.Lead, "tokyo"))
                .Append(new Person("yama", "yama", "yama@example.com", Role.Admin, "tokyo"))
                .Concat(People("osaka", "eda"))
                .Append(new Person("fuji", "fuji", "fuji@example.com", Role.Lead, "osaka"))
                .Concat(extraPeople ?? []));
        Directory = new InMemoryDirectory(() => Model);
        CheckIns.Goals = Model;
        Rollup = new RollupService(CheckIns);
    }

    public GoalsModel Model { get; }

    public InMemoryCheckIns CheckIns { get; } = new();

    public InMemoryDeliveries Deliveries { get; } = new();

    public InMemoryDirectory Directory { get; }

    public RollupService Rollup { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public StatusCommand Status => new(Rollup, CheckIns, CheckIns, Deliveries, Directory);

    public DigestBuilder Digests => new(Rollup, CheckIns, CheckIns, Time);

    public static ConversationAddress Dm { get; } = new(Platforms.Slack, "T1", "D1");

    public static ConversationAddress Channel { get; } = new(Platforms.Slack, "T1", "C1");

    /// <summary>The chat platform the inline sender of <see cref="Start"/> sends through; outcomes can be scripted per person.</summary>
    public InMemoryChatPort Chat { get; } = new();

    /// <summary>
    /// <c>start</c> whose queue sends each queued delivery at once through <see cref="Chat"/> (as the background
    /// workers would), so its report sees the outcomes without waiting.
    /// </summary>
    public StartCommand Start(TimeSpan? wait = null)
    {
        var options = new DeliveryOptions { StartReportWait = wait ?? TimeSpan.FromSeconds(5) };
        var sender = new DeliveryService(
            Deliveries, Chat, new InMemoryGoalsProvider(Model), CheckIns, CheckIns, CheckIns, Directory,
            new KpiBot.Core.Conversations.Cards.CheckInPrompts(CheckIns), Digests, Time, options);
        return new StartCommand(CheckIns, Deliveries, new SendingQueue(Deliveries, sender), options);
    }

    public CommandContext Context(string personId, ConversationKind kind = ConversationKind.Personal, CultureInfo? culture = null) => new(
        Model.PeopleById[personId], Model, culture ?? Localized.English, Today, Now,
        new ChatUser(Platforms.Slack, "T1", "U-" + personId), kind == ConversationKind.Personal ? Dm : Channel, kind);

    /// <summary>
    /// aoki answered 2, 4 and 10 November (30 + 26 + 10 calls), baba 5 November (45) and has an open blocker,
    /// cato is off today, dan's last delivery ended unreachable. 111 calls in all.
    /// </summary>
    public async Task SeedTodayAsync()
    {
        var ct = CancellationToken.None;
        await Record("aoki", new DateOnly(2026, 11, 2), 30m);
        await Record("aoki", new DateOnly(2026, 11, 4), 26m);
        await Record("aoki", Today, 10m);
        await Record("baba", new DateOnly(2026, 11, 5), 45m);
        await CheckIns.RaiseAsync("baba", new DateOnly(2026, 11, 9), "customer list missing", Now, ct);
        await CheckIns.AddTimeOffAsync("cato", Today, Today, "holiday", Now, ct);
        var ids = await Deliveries.ClaimAsync([new Occurrence(OccurrenceKind.DailyPrompt, "dan", new DateOnly(2026, 11, 9), Now)], Now, ct);
        await Deliveries.BeginSendAsync(ids[0], Now, ct);
        await Deliveries.CompleteAsync(ids[0], 1, DeliveryState.Unreachable, null, "blocked", Now, ct);
    }

    public Task Record(string person, DateOnly day, decimal value, string node = "calls") =>
        CheckIns.RecordAsync(new CheckInEntry(person, node, day, value), person, Now, CancellationToken.None);
}

/// <summary>A queue that hands each delivery to the sender at once.</summary>
internal sealed class SendingQueue(InMemoryDeliveries deliveries, DeliveryService sender) : IDeliveryQueue
{
    public async Task EnqueueAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        foreach (var id in deliveryIds)
        {
            await sender.SendAsync(id, cancellationToken);
        }

        await deliveries.EnqueueAsync(deliveryIds, cancellationToken);
    }
}
