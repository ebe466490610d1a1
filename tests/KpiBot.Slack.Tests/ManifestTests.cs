using YamlDotNet.RepresentationModel;

namespace KpiBot.Slack.Tests;

/// <summary>The app manifests ask for what the adapter uses and no more, and differ only in how Slack reaches the bot.</summary>
public class ManifestTests
{
    private static YamlMappingNode Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "manifests", "slack", file);
        var yaml = new YamlStream();
        using var reader = new StreamReader(path);
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string[] List(YamlNode node) => [.. ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!)];

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.http.yaml")]
    public void Manifest_AsksForTheScopesAndEventsTheAdapterUses(string file)
    {
        var m = Load(file);

        Assert.Equal(
            ["app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:write", "users:read", "users:read.email"],
            List(At(m, "oauth_config", "scopes", "bot")).Order(StringComparer.Ordinal));
        Assert.Equal(["app_mention", "message.im", "app_uninstalled", "tokens_revoked"], List(At(m, "settings", "event_subscriptions", "bot_events")));
        Assert.Equal("/kpi", ((YamlScalarNode)At(((YamlSequenceNode)At(m, "features", "slash_commands")).Children[0], "command")).Value);
        Assert.Equal("true", ((YamlScalarNode)At(m, "settings", "interactivity", "is_enabled")).Value);
    }

    [Fact]
    public void SocketModeManifest_NeedsNoPublicUrl()
    {
        var m = Load("manifest.yaml");

        Assert.Equal("true", ((YamlScalarNode)At(m, "settings", "socket_mode_enabled")).Value);
        Assert.False(((YamlMappingNode)At(m, "settings", "event_subscriptions")).Children.ContainsKey(new YamlScalarNode("request_url")));
    }

    [Fact]
    public void HttpManifest_SendsEverythingToSlackEvents()
    {
        var m = Load("manifest.http.yaml");

        Assert.Equal("false", ((YamlScalarNode)At(m, "settings", "socket_mode_enabled")).Value);
        Assert.EndsWith("/slack/events", ((YamlScalarNode)At(m, "settings", "event_subscriptions", "request_url")).Value, StringComparison.Ordinal);
        Assert.EndsWith("/slack/events", ((YamlScalarNode)At(m, "settings", "interactivity", "request_url")).Value, StringComparison.Ordinal);
    }
}
