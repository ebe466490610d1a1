using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Tests.GoalsFile;
using KpiBot.Core.Views;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Core.Tests.Conversations;

/// <summary>
/// The conversation engine over the in-memory fakes and the sample organisation. The clock starts on
/// Friday 2026-11-27 14:00 UTC: 23:00 that Friday in Tokyo and 09:00 that Friday in New York (Emily).
/// Every person of the sample has a chat identity "U-{id}" already linked.
/// </summary>
internal sealed class ConversationHarness
{
    public static readonly GoalsModel Sample = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;
    public static readonly DateOnly Friday = new(2026, 11, 27);

    public ConversationHarness(GoalsModel? model = null, DateTimeOffset? now = null, IEnumerable<ICommandHandler>? extraHandlers = null)
    {
        Model = model ?? Sample;
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 27, 14, 0, 0, TimeSpan.Zero));
        Goals = new InMemoryGoalsProvider(Model);
        Store.Goals = Model;
        Directory = new InMemoryDirectory(() => Goals.Model);
        Prompts = new CheckInPrompts(Store);
        CheckIns = new CheckInService(Goals, Store, Store, new Notices(Deliveries, Deliveries, Time), Time);
        Cards = new CardSubmissions(CheckIns, Store, Store);
        var handlers = RepCommands.Create(Prompts, Cards, Store, Store, Store).Concat(extraHandlers ?? []);
        ChatDirectory = new ChatDirectory(Directory, new InMemoryChatAdapterStores(), [], new ChatMisses(Time), Time);
        Service = new ConversationService(Goals, ChatDirectory, handlers, Cards, Time, Prompts);
        foreach (var person in Model.People)
        {
            Directory.LinkAsync(UserOf(person.Id), person.Id, Time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public GoalsModel Model { get; }
    public ChatDirectory ChatDirectory { get; }
    public FakeTimeProvider Time { get; }
    public InMemoryGoalsProvider Goals { get; }
    public InMemoryDirectory Directory { get; }
    public InMemoryCheckIns Store { get; } = new();

    public InMemoryDeliveries Deliveries { get; } = new();
    public CheckInPrompts Prompts { get; }
    public CheckInService CheckIns { get; }
    public CardSubmissions Cards { get; }
    public ConversationService Service { get; }

    public static ChatUser UserOf(string personId) => new(Platforms.Test, "tenant", "U-" + personId);

    public static ConversationAddress DmOf(string personId) => new(Platforms.Test, "tenant", "dm:" + personId);

    public Task<ChatReply> SayAsync(string personId, string text, string? locale = null) =>
        Service.HandleAsync(new IncomingMessage(UserOf(personId), DmOf(personId), ConversationKind.Personal, text, locale), CancellationToken.None);

    /// <summary>The single reply's text.</summary>
    public async Task<string> TextOfAsync(string personId, string text, string? locale = null) =>
        Assert.Single((await SayAsync(personId, text, locale)).Replies).View.Text;

    /// <summary>Opens the person's daily card for <paramref name="day"/> as the scheduled prompt would.</summary>
    public async Task<CheckInPromptView> CardAsync(string personId, DateOnly day, KdiCadence cadence = KdiCadence.Daily)
    {
        var person = Model.PeopleById[personId];
        var cardDay = CardKdis.CardDay(Model, person, cadence, day);
        var card = await Prompts.BuildAsync(
            Model, person, day, cadence, CardOccurrences.KeyFor(personId, cadence, cardDay), Languages.For(person, Model), CancellationToken.None);
        return Assert.IsType<CheckInPromptView>(card);
    }

    /// <summary>Submits a card with these typed values.</summary>
    public Task<ChatReply> SubmitAsync(
        string personId,
        CheckInPromptView card,
        IReadOnlyDictionary<string, string?> values,
        string? note = null,
        bool blocker = false,
        bool confirmed = false,
        string? submitter = null,
        CardAction action = CardAction.Submit,
        string submissionId = "s-1") =>
        Service.HandleAsync(
            new CardSubmission(
                UserOf(submitter ?? personId), DmOf(submitter ?? personId), action, card.OccurrenceKey, card.WorkDay, card.CardVersion,
                values, note, blocker, submissionId, new MessageRef(DmOf(personId), "card-1"), confirmed, PersonId: card.PersonId),
            CancellationToken.None);

    public Task RecordAsync(string personId, string nodeId, DateOnly day, decimal value) =>
        Store.RecordAsync(new CheckInEntry(personId, nodeId, day, value), personId, Time.GetUtcNow(), CancellationToken.None);

    public decimal? ValueOf(string personId, string nodeId, DateOnly day) =>
        Store.Entries.SingleOrDefault(e => e.PersonId == personId && e.NodeId == nodeId && e.Day == day)?.Value;
}

/// <summary>A lead command as the other helper writes them, enough to route to.</summary>
internal sealed class FakeLeadCommand(string name, Role minimumRole = Role.Lead) : ICommandHandler
{
    public string Name => name;

    public IReadOnlyList<string> Aliases { get; } = [];

    public Role MinimumRole => minimumRole;

    public HelpItem Help(System.Globalization.CultureInfo culture) => new(name, "lead only: " + name);

    public Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(ChatReply.Say(new MessageView($"{name} ran for {context.Person.Id} with '{arguments}'")));
}
