using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Testing.Fakes;

namespace KpiBot.Core.Tests.Conversations;

public class OutboxSenderTests
{
    [Fact]
    public async Task Send_DeliversToPeopleAndToEveryChannelOfATeam()
    {
        var chat = new InMemoryChatPort();
        var directory = new InMemoryDirectory(() => null);
        var east = new ConversationAddress(Platforms.Test, "t", "C-east");
        var west = new ConversationAddress(Platforms.Test, "t", "C-west");
        await directory.LinkAsync(east, "sales", "admin", DateTimeOffset.UnixEpoch, CancellationToken.None);
        await directory.LinkAsync(west, "sales", "admin", DateTimeOffset.UnixEpoch, CancellationToken.None);
        var notice = new MessageView("田中さんがブロッカーを報告しました。");

        var outcomes = await new OutboxSender(chat, directory).SendAsync(
            [new OutboundMessage(notice, PersonId: "sato"), new OutboundMessage(notice, TeamId: "sales"), new OutboundMessage(notice, TeamId: "nobody")],
            CancellationToken.None);

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.IsType<SendOutcome.Delivered>(o));
        Assert.Equal(notice, Assert.Single(chat.To("sato")).View);
        Assert.Equal(["C-east", "C-west"], chat.Sent.Where(m => m.PersonId is null).Select(m => m.Conversation.ConversationId).Order());
    }

    [Fact]
    public async Task Send_NothingToSend_SendsNothing()
    {
        var chat = new InMemoryChatPort();

        Assert.Empty(await new OutboxSender(chat, new InMemoryDirectory(() => null)).SendAsync(null, CancellationToken.None));
        Assert.Empty(chat.Sent);
    }
}
