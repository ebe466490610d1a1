using System.Text.Json;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Tests.Inbound;

/// <summary>The JSON forms Socket Mode delivers read the same as the HTTP forms.</summary>
public class JsonFormParserTests
{
    [Fact]
    public void SlashCommand_FromJson_WithAFieldThatIsNotAString_TreatsItAsMissing()
    {
        using var doc = JsonDocument.Parse("""{"command":"/kpi","text":"me","user_id":42,"team_id":"T1","channel_id":"C1"}""");

        Assert.IsType<SlackInbound.Malformed>(SlashCommandParser.Parse(doc.RootElement));
    }

    [Fact]
    public void SlashCommand_FromJson_InAnMpdm_IsAGroupChat()
    {
        using var doc = JsonDocument.Parse("""{"command":"/kpi","text":"status","user_id":"U1","team_id":"T1","channel_id":"G1","channel_name":"mpdm-a--b-1"}""");

        var command = Assert.IsType<SlackInbound.Command>(SlashCommandParser.Parse(doc.RootElement));
        Assert.Equal(KpiBot.Core.Conversations.ConversationKind.GroupChat, command.Message.Kind);
    }

    [Fact]
    public void Event_FromJson_IsTheSameAsFromBytes()
    {
        using var doc = JsonDocument.Parse(Fixtures.Payload("message_im.json"));

        Assert.Equal(SlackEventParser.Parse(Fixtures.Payload("message_im.json"), null), SlackEventParser.Parse(doc.RootElement, null));
    }

    [Fact]
    public void Event_FromJson_NotAnObject_IsMalformed()
    {
        using var doc = JsonDocument.Parse("[1]");

        Assert.IsType<SlackInbound.Malformed>(SlackEventParser.Parse(doc.RootElement, null));
    }

    [Fact]
    public void Interaction_FromJson_IsTheSameAsFromTheForm() =>
        Assert.Equal(
            InteractionParser.Parse(Fixtures.InteractionForm("block_actions_skip.json")) is SlackInbound.Submission s ? s.Value.OccurrenceKey : null,
            InteractionParser.ParseJson(Fixtures.Read("Payloads", "block_actions_skip.json")) is SlackInbound.Submission j ? j.Value.OccurrenceKey : "differs");
}
