using System.Collections.Concurrent;
using KpiBot.Core.Chat;
using KpiBot.Teams.Connector;
using KpiBot.Teams.Inbound;
using KpiBot.Testing.Fakes;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.Logging.Abstractions;

namespace KpiBot.Teams.Tests.Inbound;

/// <summary>The adapter's loop parts on in-memory stores and the HTTPS fake connector.</summary>
internal sealed class TeamsTestParts
{
    public const string Tenant = "tenant-1";

    /// <param name="server">The fake connector.</param>
    /// <param name="clientTimeout">The connector client's timeout, when a test needs a short one.</param>
    public TeamsTestParts(FakeBotFrameworkServer server, TimeSpan? clientTimeout = null)
    {
        var options = server.Options();
        options.ConnectorRetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.ConnectorMaxAttempts = 2;
        options.ConnectorMaxRetryDelay = TimeSpan.FromSeconds(1);
        var http = clientTimeout is { } timeout ? new HttpClient(server.CreateHandler()) { Timeout = timeout } : server.Client;
        Connector = new BotConnectorClient(http, new FixedToken(), options, TimeProvider.System);
        Port = new TeamsChatPort(Connector);
        Directory = new ChatDirectory(
            Identities, Stores, [new TeamsProfileSource(Connector)], new ChatMisses(TimeProvider.System), TimeProvider.System, [Port], new InMemoryGoalsProvider(null));
        Roster = new TeamsRoster(Connector, Directory, Stores, TimeProvider.System, NullLogger<TeamsRoster>.Instance);
    }

    public BotConnectorClient Connector { get; }

    public InMemoryChatAdapterStores Stores { get; } = new();

    public EmailDirectory Identities { get; } = new();

    public TeamsRoster Roster { get; }

    public TeamsChatPort Port { get; }

    /// <summary>Also the engine's chat port over Teams alone, as the host composes it.</summary>
    public ChatDirectory Directory { get; }

    public static ChatUser User(string id) => new(Platforms.Teams, Tenant, id);

    private sealed class FixedToken : IBotTokenProvider
    {
        public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult("test-token");
    }
}

/// <summary>People by email (case-insensitive) and chat identities, in memory.</summary>
internal sealed class EmailDirectory : IIdentityStore
{
    public ConcurrentDictionary<string, string> PeopleByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<ChatUser, string> Links { get; } = new();

    public Task<string?> FindPersonIdAsync(ChatUser user, CancellationToken cancellationToken) =>
        Task.FromResult(Links.TryGetValue(user, out var person) ? person : null);

    public Task<string?> FindPersonIdByEmailAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult(PeopleByEmail.TryGetValue(email, out var person) ? person : null);

    public Task LinkAsync(ChatUser user, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Links[user] = personId;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChatUser>> IdentitiesOfAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChatUser>>([.. Links.Where(l => l.Value == personId).Select(l => l.Key)]);
}
