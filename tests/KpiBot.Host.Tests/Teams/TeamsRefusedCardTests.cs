using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.CheckIns;
using Microsoft.Extensions.DependencyInjection;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Teams;

/// <summary>
/// A card answer the rules refuse (a negative number) is answered with the same card showing the error, in
/// place of the submitted one — for Action.Submit by replacing the message, for Action.Execute as the
/// invoke's answer — and nothing is saved.
/// </summary>
public sealed class TeamsRefusedCardTests : TeamsHostFixture
{
    [Fact]
    public async Task ARefusedAnswer_ReplacesTheCardWithTheSameCardShowingTheError()
    {
        await using var host = StartHost();
        var url = host.ServiceUrl;
        await InstallAndStartPromptsAsync(host);
        var tanakaChat = "a:personal:" + UserOf("tanaka");
        var prompt = PromptTo("tanaka");

        // Action.Submit with a negative number: the card is replaced by itself with the error, the typed 3 kept.
        var submit = Submit(url, "tanaka", tanakaChat, prompt.ActivityId, CardData(prompt, 0, ("kdi:daily-calls", "-5"), ("kdi:intro-emails", "3")), "m-submit");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(submit, Token())).StatusCode);
        await host.SettleAsync();
        var update = Assert.Single(Fake.Calls("PUT", "/v3/conversations/" + Uri.EscapeDataString(tanakaChat) + "/activities/" + prompt.ActivityId));
        var card = JsonNode.Parse(update.Body)!["attachments"]![0]!["content"]!;
        Assert.Contains(card["body"]!.AsArray(), e => ((string?)e!["text"])?.Contains("(-5 が指定されました)", StringComparison.Ordinal) == true && (string?)e["color"] == "Attention");
        var emails = card["body"]!.AsArray().Single(e => (string?)e!["id"] == "kdi:intro-emails")!;
        Assert.Equal(3m, (decimal?)emails["value"]);
        Assert.Equal("Input.Number", (string?)emails["type"]);
        // No message under the old card: the prompt is still the only message in the chat.
        PromptTo("tanaka");
        var entries = await host.InScopeAsync(s => s.GetRequiredService<ICheckInRepository>().GetDayAsync("tanaka", new DateOnly(2026, 11, 30), CancellationToken.None));
        Assert.Empty(entries);

        // Action.Execute: the invoke is answered with the card showing the error, not with a bare message.
        var suzukiChat = "a:personal:" + UserOf("suzuki");
        var suzukiPrompt = PromptTo("suzuki");
        var invoke = await host.PostAsync(Execute(url, "suzuki", suzukiChat, suzukiPrompt.ActivityId, CardData(suzukiPrompt, 0, ("kdi:daily-calls", "-1"), ("kdi:intro-emails", "2")), "m-execute"), Token());
        var answer = JsonNode.Parse(await invoke.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        var body = answer["value"]!["body"]!.AsArray();
        Assert.Contains(body, e => ((string?)e!["text"])?.Contains("0 以上", StringComparison.Ordinal) == true && (string?)e["color"] == "Attention");
        Assert.Equal(2m, (decimal?)body.Single(e => (string?)e!["id"] == "kdi:intro-emails")!["value"]);
    }
}
