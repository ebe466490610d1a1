using System.Text.Json;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.SocketMode;

namespace KpiBot.Slack.Tests.SocketMode;

public class SocketModeUnitTests
{
    [Theory]
    [InlineData("wss://wss-primary.slack.com/link/?ticket=1", true)]
    [InlineData("ws://127.0.0.1:5000/link/?ticket=1", true)]
    [InlineData("ws://[::1]:5000/link/", true)]
    [InlineData("ws://wss-primary.slack.com/link/?ticket=1", false)]
    [InlineData("https://wss-primary.slack.com/link/", false)]
    public void ConnectionUrl_MustBeWss_UnlessLoopback(string url, bool allowed) =>
        Assert.Equal(allowed, SlackConnectionsClient.IsAllowed(new Uri(url)));

    [Fact]
    public void Backoff_DoublesUpToTheCap_WithJitterBetweenHalfAndAll()
    {
        var backoff = new SocketModeBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        Assert.Equal(TimeSpan.FromSeconds(0.5), backoff.Delay(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Delay(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Delay(3, 1));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Delay(50, 1));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Delay(50, 0));
    }

    [Fact]
    public void BotOf_TakesTheBotAuthorization()
    {
        using var doc = JsonDocument.Parse("""{"authorizations":[{"user_id":"UHUMAN","is_bot":false},{"user_id":"UBOT","is_bot":true}]}""");

        Assert.Equal(new SlackBotIdentity("UBOT"), SocketModeInbound.BotOf(doc.RootElement));
    }

    [Fact]
    public void UnknownEnvelopeType_IsIgnored()
    {
        var envelope = JsonSerializer.Deserialize("""{"type":"something_new","envelope_id":"e1","payload":{}}""", SocketModeJsonContext.Default.SocketModeEnvelope)!;

        Assert.IsType<SlackInbound.Ignored>(SocketModeInbound.Parse(envelope));
    }
}
