using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Tests.Inbound;

public class SlashCommandParserTests
{
    private const string Captured =
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc"
        + "&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fkpi&text=status+sales%20team"
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";

    [Fact]
    public void Parse_SlashCommand_BecomesACommandWithTheTextAfterIt()
    {
        var result = Assert.IsType<SlackInbound.Command>(SlashCommandParser.Parse(Captured));

        Assert.Equal(
            new IncomingMessage(new ChatUser("slack", "T0001", "U2147483697"), new ConversationAddress("slack", "T0001", "C2147483705"), ConversationKind.Channel, "status sales team"),
            result.Message);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", result.ResponseUrl);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", result.TriggerId);
        Assert.Null(result.EventId);
    }

    [Theory]
    [InlineData("channel_id=D0123&channel_name=directmessage", ConversationKind.Personal)]
    [InlineData("channel_id=G0123&channel_name=mpdm-a--b-1", ConversationKind.GroupChat)]
    [InlineData("channel_id=G0123&channel_name=privategroup", ConversationKind.Channel)]
    public void Parse_TellsTheConversationKind(string channel, ConversationKind expected)
    {
        var result = Assert.IsType<SlackInbound.Command>(SlashCommandParser.Parse($"team_id=T1&user_id=U1&command=%2Fkpi&text=&{channel}"));

        Assert.Equal(expected, result.Message.Kind);
        Assert.Equal(string.Empty, result.Message.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("team_id=T1&user_id=U1&channel_id=C1")]
    [InlineData("command=%2Fkpi&user_id=U1&channel_id=C1")]
    [InlineData("command=%2Fkpi&team_id=T1&channel_id=C1")]
    [InlineData("command=%2Fkpi&team_id=T1&user_id=U1")]
    public void Parse_WhenAFieldIsMissing_IsMalformed(string form) =>
        Assert.IsType<SlackInbound.Malformed>(SlashCommandParser.Parse(form));
}
