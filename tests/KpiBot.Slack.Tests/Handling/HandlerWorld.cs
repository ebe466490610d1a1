using System.Text.Json.Nodes;
using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Slack.Api;
using KpiBot.Slack.Handling;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Install;
using KpiBot.Slack.People;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Slack.Tests.Handling;

/// <summary>
/// The shared Slack handling over Core's real conversation engine with in-memory stores, the sample goals
/// and the fake Slack Web API. The clock stands on Friday 2026-11-27 22:00 UTC: 17:00 in New York, where
/// Emily (a rep of the sales team, English) works; her Slack user is not linked yet.
/// </summary>
internal sealed class HandlerWorld : IAsyncDisposable
{
    public const string Team = FakeSlackApi.TeamId;
    public const string Emily = "U0EMILY";
    public const string EmilyDm = "D0EMILY";

    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private HandlerWorld(FakeSlackApi slack, ServiceProvider services, List<IHostedService> hosted, FakeTimeProvider time)
    {
        Slack = slack;
        Time = time;
        _services = services;
        _hosted = hosted;
    }

    public FakeSlackApi Slack { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Closing it holds the engine (its goals read) until it opens again: a slow engine.</summary>
    public Gate Engine { get; private init; } = null!;

    public InMemoryDirectory Directory => _services.GetRequiredService<InMemoryDirectory>();

    /// <summary>The inbound queue the handler's work went to.</summary>
    public InProcessInboundQueue Queue => _services.GetRequiredService<InProcessInboundQueue>();

    /// <summary>Runs work as a stopping host's durable job would, from its durable form.</summary>
    public Task ResumeAsync(KpiBot.Core.Inbound.InboundWork work) =>
        _services.GetServices<KpiBot.Core.Inbound.IInboundResumer>().Single(r => r.Platform == work.Platform)
            .ResumeAsync(work.Kind, work.Durable!(), CancellationToken.None);

    public InMemoryCheckIns CheckIns => _services.GetRequiredService<InMemoryCheckIns>();

    public InMemoryDeliveries Deliveries => _services.GetRequiredService<InMemoryDeliveries>();

    public InMemoryChatAdapterStores Adapter => _services.GetRequiredService<InMemoryChatAdapterStores>();

    /// <summary>Every log line of the handler's services.</summary>
    public RecordingLoggerProvider Log { get; private init; } = null!;

    public ISlackInboundHandler Handler => _services.GetRequiredService<ISlackInboundHandler>();

    public static async Task<HandlerWorld> StartAsync()
    {
        var slack = await FakeSlackApi.StartAsync();
        var gate = new Gate();
        slack.AddUser(Emily, "emily.carter@example.com", "America/New_York", "en-US");
        var model = GoalsFileLoader.Load(File.ReadAllText(SampleGoals()), "goals.yaml").Model!;
        var goals = new InMemoryGoalsProvider(model);
        var directory = new InMemoryDirectory(() => goals.Model);
        var checkIns = new InMemoryCheckIns { Goals = model };
        var adapter = new InMemoryChatAdapterStores();
        var deliveries = new InMemoryDeliveries();
        var services = new ServiceCollection();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
        var log = new RecordingLoggerProvider();
        services.AddLogging(b => b.AddProvider(log));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
        }).Build());
        services.AddSingleton<TimeProvider>(time);
        services.AddSlack().AddSlackInboundHandling().AddSlackInstall();
        services.AddSingleton<InProcessInboundQueue>().AddSingleton<KpiBot.Core.Inbound.IInboundQueue>(s => s.GetRequiredService<InProcessInboundQueue>());
        services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        services.AddSingleton<IChatInstallationStore>(adapter);
        services.AddSingleton<IGoalsProvider>(new GatedGoals(goals, gate));
        services.AddSingleton(directory).AddSingleton<IIdentityStore>(directory).AddSingleton<IChannelLinkStore>(directory);
        services.AddSingleton(checkIns).AddSingleton<ICheckInRepository>(checkIns).AddSingleton<IDayStore>(checkIns)
            .AddSingleton<IBlockerStore>(checkIns).AddSingleton<ICheckInTotals>(checkIns);
        services.AddSingleton(adapter).AddSingleton<IChatUserStore>(adapter).AddSingleton<IInboundDedupe>(adapter);
        services.AddSingleton(deliveries).AddSingleton<IDeliveryStore>(deliveries).AddSingleton<IDeliveryQueue>(deliveries);
        services.AddScoped<CheckInPrompts>().AddScoped<CheckInService>().AddScoped<Snoozes>().AddScoped<CardSubmissions>().AddScoped<ConversationService>().AddScoped<Notices>();
        services.AddScoped<IEnumerable<ICommandHandler>>(s => RepCommands.Create(
            s.GetRequiredService<CheckInPrompts>(), s.GetRequiredService<CardSubmissions>(), checkIns, checkIns, checkIns));
        services.AddSlackPeople().AddSingleton<ChatMisses>().AddScoped<ChatDirectory>().AddScoped<IChatPort>(s => s.GetRequiredService<ChatDirectory>());
        services.AddScoped<SlackChatPort>().AddScoped<IChatSender>(s => s.GetRequiredService<SlackChatPort>());
        services.AddScoped<IChatProfileSource>(s => s.GetRequiredService<SlackProfileSource>());
        var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new HandlerWorld(slack, provider, hosted, time) { Engine = gate, Log = log };
    }

    public Task<SlackAck> HandleAsync(SlackInbound inbound) => Handler.HandleAsync(inbound, CancellationToken.None);

    public Task<SlackAck> EventAsync(string eventId, string text) =>
        HandleAsync(SlackEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(SlackPayloads.Event(Team, eventId, Emily, EmilyDm, text)), null));

    public Task<SlackAck> InteractionAsync(string form) => HandleAsync(InteractionParser.Parse(form));

    /// <summary>Waits until the handler's background work is done (bounded, so a hang fails instead of blocking).</summary>
    public async Task SettleAsync()
    {
        var queue = _services.GetRequiredService<InProcessInboundQueue>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (queue.Pending > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Emily's prompt, as `checkin` in her DM sends it: the message's ts and the Check in button's value.</summary>
    public async Task<(string Ts, string Value)> PromptAsync()
    {
        await EventAsync("Ev-checkin", "checkin");
        await SettleAsync();
        var posts = Slack.Of("chat.postMessage");
        var index = posts.ToList().FindIndex(c => c.Json["text"]!.GetValue<string>().StartsWith("Check-in for", StringComparison.Ordinal));
        var post = posts[index];
        var ts = $"1700000000.{index + 1:D6}";
        return (ts, SlackPayloads.FirstButtonValue(post.Json));
    }

    /// <summary>Opens the modal from the prompt; returns the private metadata views.open got.</summary>
    public async Task<JsonNode> OpenModalAsync()
    {
        var (ts, value) = await PromptAsync();
        Assert.Equal(SlackAck.Empty, await InteractionAsync(SlackPayloads.Button(Team, Emily, EmilyDm, ts, SlackIds.OpenCheckIn, value)));
        return Slack.Of("views.open").Last().Json["view"]!;
    }

    public static JsonNode Ack(SlackAck ack) => JsonNode.Parse(ack.PayloadJson ?? throw new InvalidOperationException("empty ack"))!;

    private static string SampleGoals() => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "goals.yaml");

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}

/// <summary>Open by default; while closed, whoever waits on it waits.</summary>
internal sealed class Gate
{
    private volatile TaskCompletionSource _open = Opened();

    public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public Task WaitAsync() => _open.Task;

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}

/// <summary>The goals, read only when the gate is open.</summary>
internal sealed class GatedGoals(IGoalsProvider inner, Gate gate) : IGoalsProvider
{
    public async ValueTask<GoalsModel?> CurrentAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync().WaitAsync(cancellationToken);
        return await inner.CurrentAsync(cancellationToken);
    }
}
