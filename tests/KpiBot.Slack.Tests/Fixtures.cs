namespace KpiBot.Slack.Tests;

/// <summary>Captured payloads and golden files copied next to the tests.</summary>
internal static class Fixtures
{
    public static string Read(string folder, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, name));

    public static byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", name));

    /// <summary>An interactivity post as Slack sends it: the JSON in the form field <c>payload</c>.</summary>
    public static string InteractionForm(string name) => "payload=" + Uri.EscapeDataString(Read("Payloads", name));
}
