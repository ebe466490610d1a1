using System.Text;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Tests.Inbound;

public class UninstallEventTests
{
    private static SlackInbound Parse(string eventJson) => SlackEventParser.Parse(
        Encoding.UTF8.GetBytes($$"""{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev1","event_time":1,"event":{{eventJson}}}"""),
        bot: null);

    [Fact]
    public void AppUninstalled_ForgetsTheWorkspace() =>
        Assert.Equal(new SlackInbound.Uninstalled("T1", "Ev1"), Parse("""{"type":"app_uninstalled"}"""));

    [Fact]
    public void TokensRevoked_WithTheBotToken_ForgetsTheWorkspace() =>
        Assert.Equal(new SlackInbound.Uninstalled("T1", "Ev1"), Parse("""{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["UBOT"]}}"""));

    [Fact]
    public void TokensRevoked_OnlyUserTokens_IsIgnored() =>
        Assert.IsType<SlackInbound.Ignored>(Parse("""{"type":"tokens_revoked","tokens":{"oauth":["U1"]}}"""));
}
