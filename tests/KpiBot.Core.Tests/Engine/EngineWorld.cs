using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Conversations.Lead;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Delivery;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Rollup;
using KpiBot.Core.Tests.GoalsFile;
using KpiBot.Core.Views;
using KpiBot.Testing.Engine;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Core.Tests.Engine;

/// <summary>
/// The whole engine over the in-memory fakes: the dispatcher, the sender, and the conversation service
/// with every rep and lead command, on a fake clock that a test moves forward in steps. Each step runs the
/// dispatcher once and then sends everything it queued, as the background workers would.
/// </summary>
internal sealed class EngineWorld : IEngineDriver
{
    public EngineWorld(DateTimeOffset start, GoalsModel? model = null, IChatProfileSource? chatSource = null)
    {
        Model = model ?? GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;
        Time = new FakeTimeProvider(start);
        Goals = new InMemoryGoalsProvider(Model);
        Store.Goals = Model;
        Directory = new InMemoryDirectory(() => Goals.Model);
        ChatDirectory = new ChatDirectory(Directory, ChatUsers, chatSource is null ? [] : [chatSource], new ChatMisses(Time), Time);
        var options = new DeliveryOptions();
        var rollup = new RollupService(Store);
        var prompts = new CheckInPrompts(Store);
        var snoozes = new Snoozes(Deliveries, Deliveries, Store, Store);
        var cards = new CardSubmissions(new CheckInService(Goals, Store, Store, new Notices(Deliveries, Deliveries, Time), Time), Store, Store, snoozes);
        var digests = new DigestBuilder(rollup, Store, Store, Time);
        ICommandHandler[] lead =
        [
            new StatusCommand(rollup, Store, Store, Deliveries, Directory),
            new TreeCommand(rollup, Store),
            new DigestCommand(digests, Directory),
            new RemindCommand(Store, Deliveries, Deliveries),
            // The world sends when a test steps it, so `start` reports at once instead of waiting for the sends.
            new StartCommand(Store, Deliveries, Deliveries, new DeliveryOptions { StartReportWait = TimeSpan.Zero }),
            new LinkCommand(Directory),
            new UnlinkCommand(Directory),
            new LaterCommand(snoozes),
        ];
        Conversations = new ConversationService(
            Goals, ChatDirectory, RepCommands.Create(prompts, cards, Store, Store, Store).Concat(lead), cards, Time);
        Dispatcher = new Dispatcher(Goals, Deliveries, Deliveries, new InMemoryDispatchCursor(), Time, options);
        Sender = new DeliveryService(Deliveries, Chat, Goals, Store, Store, Store, Directory, prompts, digests, Time, options, ChatDirectory, outcomes: Outcomes);
        foreach (var person in Model.People)
        {
            Directory.LinkAsync(EngineAddresses.UserOf(person.Id), person.Id, start, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private readonly List<(long Id, DateTimeOffset At)> _retries = [];

    /// <summary>Reported results (the outcome asks look here for what is already reported).</summary>
    public InMemoryOutcomes Outcomes { get; } = new();

    /// <summary>Profiles the chat platforms gave (zones, 1:1s).</summary>
    public InMemoryChatAdapterStores ChatUsers { get; } = new();

    public ChatDirectory ChatDirectory { get; }

    public GoalsModel Model { get; }
    public FakeTimeProvider Time { get; }
    public InMemoryGoalsProvider Goals { get; }
    public InMemoryDirectory Directory { get; }
    public InMemoryCheckIns Store { get; } = new();
    public InMemoryDeliveries Deliveries { get; } = new();
    public InMemoryChatPort Chat { get; } = new();
    public ConversationService Conversations { get; }
    public Dispatcher Dispatcher { get; }
    public DeliveryService Sender { get; }

    /// <summary>When each message was sent, by the fake clock.</summary>
    public List<(DateTimeOffset At, SentMessage Message)> Log { get; } = [];

    IReadOnlyList<(DateTimeOffset At, SentMessage Message)> IEngineDriver.Log => Log;

    /// <summary>Moves the clock to <paramref name="until"/> in steps, dispatching and sending at each step.</summary>
    public Task RunUntilAsync(DateTimeOffset until) => RunUntilAsync(until, null);

    public async Task RunUntilAsync(DateTimeOffset until, TimeSpan? step)
    {
        var stride = step ?? TimeSpan.FromMinutes(5);
        while (Time.GetUtcNow() < until)
        {
            var next = Time.GetUtcNow() + stride;
            Time.Advance((next > until ? until : next) - Time.GetUtcNow());
            await TickAsync();
        }
    }

    public async Task TickAsync()
    {
        await Dispatcher.RunAsync(CancellationToken.None);
        await SendQueuedAsync();
    }

    public async Task SendQueuedAsync()
    {
        var before = Chat.Sent.Count;
        var due = _retries.Where(r => r.At <= Time.GetUtcNow()).ToList();
        _retries.RemoveAll(due.Contains);
        foreach (var id in due.Select(r => r.Id).Concat(Deliveries.Drain()))
        {
            // A send that asks to run again later (a rate limit, a snooze not yet due) runs again then, as the
            // host's send job schedules it.
            if ((await Sender.SendAsync(id, CancellationToken.None)).RetryAt is { } at)
            {
                _retries.Add((id, at));
            }
        }

        foreach (var message in Chat.Sent.Skip(before))
        {
            Log.Add((Time.GetUtcNow(), message));
        }
    }

    public Task<ChatReply> SayAsync(string personId, string text, ConversationAddress? channel = null) =>
        Conversations.HandleAsync(
            new IncomingMessage(
                EngineAddresses.UserOf(personId), channel ?? EngineAddresses.DmOf(personId),
                channel is null ? ConversationKind.Personal : ConversationKind.Channel, text),
            CancellationToken.None);

    public async Task<ChatReply> AnswerAsync(
        string personId, CheckInPromptView card, IReadOnlyDictionary<string, string?> values, CardAction action = CardAction.Submit, string? note = null)
    {
        var reply = await Conversations.HandleAsync(EngineAddresses.Submission(personId, card, values, action, note), CancellationToken.None);
        await SendQueuedAsync();
        return reply;
    }

    public Task<IReadOnlyList<Core.CheckIns.CheckInEntry>> EntriesAsync(string personId, DateOnly day) =>
        Store.GetDayAsync(personId, day, CancellationToken.None);
}
