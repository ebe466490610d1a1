using System.Text.Json;
using System.Text.Json.Nodes;
using KpiBot.Core.Views;
using KpiBot.Teams.Activities;
using KpiBot.Teams.Cards;
using KpiBot.Teams.Connector;
using KpiBot.Teams.Tests.Cards;

namespace KpiBot.Teams.Tests.Connector;

public class TeamsMessagesTests
{
    [Fact]
    public void Of_WhenOneCard_IsOneMessageWithTheFirstLineAsSummary()
    {
        var message = Assert.Single(TeamsMessages.Of(SampleViews.Prompt()));

        Assert.Equal("Check-in for Fri, Nov 27", message.Summary);
        Assert.Null(message.Text);
        Assert.Equal(AdaptiveCard.ContentType, Assert.Single(message.Attachments!).ContentType);
    }

    [Fact]
    public void Of_WhenDigestIsLarge_IsOneMessagePerCardEachUnderTheLimit()
    {
        var messages = TeamsMessages.Of(SampleViews.Digest(teams: 120));

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(JsonSerializer.SerializeToUtf8Bytes(m, TeamsJsonContext.Default.OutgoingActivity).Length < 28 * 1024));
    }

    [Fact]
    public void InvokeResponse_Card_IsTheCardWithItsContentType()
    {
        var response = InvokeResponse.Card(new AdaptiveCard([new TextBlock("Saved.")]));

        var json = JsonNode.Parse(JsonSerializer.Serialize(response, TeamsJsonContext.Default.InvokeResponse))!;
        Assert.Equal(200, (int)json["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)json["type"]);
        Assert.Equal("AdaptiveCard", (string?)json["value"]!["type"]);
    }

    [Fact]
    public void InvokeResponse_Error_CarriesCodeAndMessage()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(InvokeResponse.Error(400, "BadRequest", "not ours"), TeamsJsonContext.Default.InvokeResponse))!;

        Assert.Equal(("application/vnd.microsoft.error", "BadRequest", "not ours"), ((string?)json["type"], (string?)json["value"]!["code"], (string?)json["value"]!["message"]));
    }

    [Fact]
    public void Of_WhenMessage_HasTheCard() =>
        Assert.Equal("Saved.", Assert.Single(TeamsMessages.Of(new MessageView("Saved."))).Summary);
}
