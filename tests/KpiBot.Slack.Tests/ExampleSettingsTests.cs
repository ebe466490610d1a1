using System.Text.Json;
using KpiBot.Slack.Install;

namespace KpiBot.Slack.Tests;

/// <summary>appsettings.example.json lists every Slack setting (the host's own test covers the other sections).</summary>
public class ExampleSettingsTests
{
    [Theory]
    [InlineData(typeof(SlackOptions))]
    [InlineData(typeof(SlackInstallOptions))]
    public void TheExampleSettings_ListEverySlackOption(Type options)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "appsettings.example.json");
        var section = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty(SlackOptions.Section);
        var listed = section.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(options.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Except(listed));
    }
}
