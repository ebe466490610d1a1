using System.Text;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Tests.Inbound;

public class SlackEventParserTests
{
    private static readonly SlackBotIdentity Bot = new("U0LAN0Z89", "B0LAN0Z89");

    [Fact]
    public void Parse_UrlVerification_ReturnsTheChallenge()
    {
        var result = SlackEventParser.Parse(Fixtures.Payload("url_verification.json"), Bot);

        Assert.Equal(new SlackInbound.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), result);
    }

    [Fact]
    public void Parse_AppMention_BecomesAChannelCommandWithoutTheMention()
    {
        var result = Assert.IsType<SlackInbound.Command>(SlackEventParser.Parse(Fixtures.Payload("app_mention.json"), Bot));

        Assert.Equal("Ev0LAN670R", result.EventId);
        Assert.Equal("status <team> & more", result.Message.Text);
        Assert.Equal(ConversationKind.Channel, result.Message.Kind);
        Assert.Equal(new ChatUser("slack", "T061EG9R6", "U061F7AUR"), result.Message.User);
        Assert.Equal(new ConversationAddress("slack", "T061EG9R6", "C0LAN2Q65"), result.Message.Conversation);
    }

    [Fact]
    public void Parse_AppMention_WhenTheBotIsNotYetKnown_StripsTheLeadingMention()
    {
        var result = Assert.IsType<SlackInbound.Command>(SlackEventParser.Parse(Fixtures.Payload("app_mention.json"), bot: null));

        Assert.Equal("status <team> & more", result.Message.Text);
    }

    [Fact]
    public void Parse_MessageIm_BecomesAPersonalCommand()
    {
        var result = Assert.IsType<SlackInbound.Command>(SlackEventParser.Parse(Fixtures.Payload("message_im.json"), Bot));

        Assert.Equal("checkin", result.Message.Text);
        Assert.Equal(ConversationKind.Personal, result.Message.Kind);
        Assert.Equal("D024BE91L", result.Message.Conversation.ConversationId);
        Assert.Equal("Ev0PV52K21", result.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("U0LAN0Z89")]
    public void Parse_TheBotsOwnMessage_IsIgnoredWithItsEventId(string? botUser)
    {
        var bot = botUser is null ? null : new SlackBotIdentity(botUser);

        var result = Assert.IsType<SlackInbound.Ignored>(SlackEventParser.Parse(Fixtures.Payload("message_im_from_bot.json"), bot));

        Assert.Equal("Ev0PV52K22", result.EventId);
    }

    [Fact]
    public void Parse_AMessageFromTheBotsUserId_IsIgnored()
    {
        var json = Encoding.UTF8.GetString(Fixtures.Payload("message_im.json")).Replace("U2147483697", "U0LAN0Z89", StringComparison.Ordinal);

        Assert.IsType<SlackInbound.Ignored>(SlackEventParser.Parse(Encoding.UTF8.GetBytes(json), Bot));
    }

    [Fact]
    public void Parse_AMessageInAChannel_IsIgnored()
    {
        var json = Encoding.UTF8.GetString(Fixtures.Payload("message_im.json")).Replace("\"im\"", "\"channel\"", StringComparison.Ordinal);

        Assert.IsType<SlackInbound.Ignored>(SlackEventParser.Parse(Encoding.UTF8.GetBytes(json), Bot));
    }

    [Fact]
    public void Parse_KeepsUnknownFieldsInTheExtensionBag()
    {
        var envelope = System.Text.Json.JsonSerializer.Deserialize(Fixtures.Payload("app_mention.json"), Json.SlackJsonContext.Default.SlackEventEnvelope)!;

        Assert.True(envelope.Extra!.ContainsKey("authorizations"));
        Assert.True(envelope.Event!.Extra!.ContainsKey("blocks"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"event_callback\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"team_id\":\"T1\",\"event\":{\"type\":\"app_mention\"}}")]
    [InlineData("{\"type\":7}")]
    public void Parse_WhenTheBodyIsMalformed_IsMalformed(string json) =>
        Assert.IsType<SlackInbound.Malformed>(SlackEventParser.Parse(Encoding.UTF8.GetBytes(json), Bot));

    [Theory]
    [InlineData("<@U0LAN0Z89>   help ", "help")]
    [InlineData("<@U0LAN0Z89|kpibot> status <@U123>", "status <@U123>")]
    [InlineData("status", "status")]
    public void CommandText_WithoutKnownBot_StripsOnlyTheLeadingMention(string text, string expected) =>
        Assert.Equal(expected, SlackEventParser.CommandText(text, bot: null));

    [Fact]
    public void CommandText_WithKnownBot_StripsItsMentionAnywhere() =>
        Assert.Equal("status   <@U123>", SlackEventParser.CommandText("status <@U0LAN0Z89> <@U123>", Bot));
}
