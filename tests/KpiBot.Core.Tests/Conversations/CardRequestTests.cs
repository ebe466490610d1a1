using KpiBot.Core.Conversations;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

/// <summary><see cref="ConversationService.CardAsync"/>: the card a prompt's button refers to, shown again as a form.</summary>
public class CardRequestTests
{
    private static CardRequest Request(string asker, string owner, DateOnly day) =>
        new(UserOf(asker), DmOf(asker), CardOccurrences.KeyFor(owner, KdiCadence.Daily, day), day, owner);

    [Fact]
    public async Task Card_ForItsOwner_IsTheCardWithTodaysValues_AndTheFormsOwnWords()
    {
        var harness = new ConversationHarness();
        await harness.RecordAsync("emily", "daily-calls", Friday, 12m);

        var card = Assert.IsType<CheckInPromptView>(await harness.Service.CardAsync(Request("emily", "emily", Friday), CancellationToken.None));

        Assert.Equal(12m, card.Lines.Single(l => l.KdiId == "daily-calls").CurrentValue);
        Assert.Equal(CardOccurrences.KeyFor("emily", KdiCadence.Daily, Friday), card.OccurrenceKey);
        Assert.Equal(("Check in", "Note", "Blocker", "Cancel"), (card.Labels.Open, card.Labels.Note, card.Labels.Blocker, card.Labels.Cancel));
    }

    [Fact]
    public async Task Card_InJapanese_HasTheJapaneseFormWords()
    {
        var harness = new ConversationHarness();

        var card = Assert.IsType<CheckInPromptView>(await harness.Service.CardAsync(Request("tanaka", "tanaka", Friday), CancellationToken.None));

        Assert.Equal(("入力する", "メモ", "キャンセル"), (card.Labels.Open, card.Labels.Note, card.Labels.Cancel));
    }

    [Fact]
    public async Task Card_OfSomeoneElse_IsRefused()
    {
        var harness = new ConversationHarness();

        var view = await harness.Service.CardAsync(Request("suzuki", "tanaka", Friday), CancellationToken.None);

        Assert.IsType<ErrorView>(view);
    }

    [Fact]
    public async Task Card_ForAnUnknownUser_IsThePoliteRefusal()
    {
        var harness = new ConversationHarness();
        var stranger = new CardRequest(
            new KpiBot.Core.Chat.ChatUser("test", "tenant", "U-stranger"), DmOf("stranger"), CardOccurrences.KeyFor("tanaka", KdiCadence.Daily, Friday), Friday, "tanaka");

        var view = await harness.Service.CardAsync(stranger, CancellationToken.None);

        Assert.IsType<MessageView>(view);
    }
}
