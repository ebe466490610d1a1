using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KpiBot.Slack.Tests;

/// <summary>
/// Golden JSON files: a person read each once; after that they guard. A missing file is written next to the
/// tests (readable, unescaped) and the test fails, so a new golden is never accepted unread.
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Matches(string name, string actualJson, [CallerFilePath] string caller = "")
    {
        var actual = JsonNode.Parse(actualJson);
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json");
        if (!File.Exists(path))
        {
            var source = Path.Combine(FindProjectDir(caller), "Golden", name + ".json");
            File.WriteAllText(source, actual!.ToJsonString(Pretty) + "\n");
            Assert.Fail($"Golden file {name}.json was missing; written to {source}. Read it, then run again.");
        }

        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{name}.json differs. Actual:\n{actual!.ToJsonString(Pretty)}");
    }

    private static string FindProjectDir(string caller)
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (!File.Exists(Path.Combine(dir, "KpiBot.Slack.Tests.csproj")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }
}
