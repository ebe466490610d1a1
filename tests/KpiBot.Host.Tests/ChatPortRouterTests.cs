using KpiBot.Core.Chat;
using KpiBot.Core.Views;
using KpiBot.Host.Hosting;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests;

public sealed class ChatPortRouterTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly MessageView Hello = new("hello");

    private sealed class SlackPort : PortStandIn;

    private sealed class TeamsPort : PortStandIn;

    /// <summary>A port per platform type, so the keyed registration can tell them apart; each records into its own fake.</summary>
    private abstract class PortStandIn : IChatPort
    {
        public InMemoryChatPort Inner { get; } = new();

        public Task<SendOutcome> SendToPersonAsync(string personId, ChatView view, CancellationToken cancellationToken) => Inner.SendToPersonAsync(personId, view, cancellationToken);

        public Task<SendOutcome> PostToChannelAsync(ConversationAddress channel, ChatView view, CancellationToken cancellationToken) => Inner.PostToChannelAsync(channel, view, cancellationToken);

        public Task<SendOutcome> UpdateAsync(MessageRef message, ChatView view, CancellationToken cancellationToken) => Inner.UpdateAsync(message, view, cancellationToken);
    }

    [Fact]
    public async Task Router_SendsToThePlatformOfThePersonsIdentity_AndChannelsByTheirAddress()
    {
        var directory = new InMemoryDirectory(() => null);
        await directory.LinkAsync(new ChatUser(Platforms.Teams, "tenant", "29:maria"), "maria", Now, default);
        await directory.LinkAsync(new ChatUser(Platforms.Slack, "T1", "U1"), "ken", Now, default);
        await directory.LinkAsync(new ChatUser(Platforms.Teams, "tenant", "29:ken"), "ken", Now, default);

        var slack = new SlackPort();
        var teams = new TeamsPort();
        var services = new ServiceCollection();
        services.AddSingleton<IIdentityStore>(directory);
        services.AddChatPlatform<SlackPort>(Platforms.Slack);
        services.AddChatPlatform<TeamsPort>(Platforms.Teams);
        services.AddKeyedSingleton<IChatPort>(Platforms.Slack, slack);
        services.AddKeyedSingleton<IChatPort>(Platforms.Teams, teams);
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var router = scope.ServiceProvider.GetRequiredService<IChatPort>();

        Assert.IsType<ChatPortRouter>(router);
        Assert.IsType<SendOutcome.Delivered>(await router.SendToPersonAsync("maria", Hello, default));
        Assert.IsType<SendOutcome.Delivered>(await router.SendToPersonAsync("ken", Hello, default));
        // No identity anywhere: each platform is asked in turn; the first that reaches them wins, else unreachable.
        slack.Inner.Script("nobody", new SendOutcome.Unreachable("no_slack_identity"));
        teams.Inner.Script("nobody", new SendOutcome.Unreachable("no_teams_identity"));
        Assert.Equal(new SendOutcome.Unreachable("no_chat_identity"), await router.SendToPersonAsync("nobody", Hello, default));
        slack.Inner.Script("newcomer", new SendOutcome.Unreachable("no_slack_identity"));
        Assert.IsType<SendOutcome.Delivered>(await router.SendToPersonAsync("newcomer", Hello, default));
        slack.Inner.Script("limited", new SendOutcome.RateLimited(TimeSpan.FromSeconds(3)));
        Assert.Equal(new SendOutcome.RateLimited(TimeSpan.FromSeconds(3)), await router.SendToPersonAsync("limited", Hello, default));
        await router.PostToChannelAsync(new ConversationAddress(Platforms.Slack, "T1", "C1"), Hello, default);
        Assert.Equal(
            new SendOutcome.Unreachable("discord_not_configured"),
            await router.PostToChannelAsync(new ConversationAddress("discord", "x", "y"), Hello, default));

        Assert.Equal(["maria", "newcomer"], teams.Inner.Sent.Where(m => m.PersonId is not null).Select(m => m.PersonId));
        Assert.Equal(["ken"], slack.Inner.Sent.Where(m => m.PersonId is not null).Select(m => m.PersonId)); // Slack registered first
        Assert.Single(slack.Inner.Sent, m => m.PersonId is null);
    }
}
