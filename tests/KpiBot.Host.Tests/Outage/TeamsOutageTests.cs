using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.CheckIns;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Outage;

/// <summary>
/// Card answers sent while the database is away are answered "send it again" — as the invoke's answer for
/// Action.Execute, as a reply for Action.Submit — never lost silently, and taken once it is back.
/// </summary>
public sealed class TeamsOutageTests() : TeamsHostFixture(StorageProvider.Postgres)
{
    private const string TryAgain = "申し訳ありません。ただいまデータベースに接続できないため、保存・処理できませんでした。1分ほどしてから、もう一度送信してください。";

    [Fact]
    public async Task CardAnswersSentWhileTheDatabaseIsAway_AreAnsweredSendItAgain_AndSavedOnceSentAgain()
    {
        await using var host = StartHost();
        var url = host.ServiceUrl;
        await InstallAndStartPromptsAsync(host);
        var suzukiChat = "a:personal:" + UserOf("suzuki");
        var suzukiPrompt = PromptTo("suzuki");
        var tanakaChat = "a:personal:" + UserOf("tanaka");
        var tanakaPrompt = PromptTo("tanaka");
        JsonObject Execute1() => Execute(url, "suzuki", suzukiChat, suzukiPrompt.ActivityId, CardData(suzukiPrompt, 0, ("kdi:daily-calls", "18"), ("kdi:intro-emails", "2")), "m-execute");

        await ((PostgresTestDatabase)Db).SetReachableAsync(false);

        // Action.Execute: the invoke's answer says it.
        var invoke = await host.PostAsync(Execute1(), Token());
        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        var answer = JsonNode.Parse(await invoke.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)answer["type"]);
        Assert.Equal(TryAgain, (string?)answer["value"]);

        // Action.Submit: answered in the chat, after the request.
        var tanakaActivities = "/v3/conversations/" + Uri.EscapeDataString(tanakaChat) + "/activities";
        var submit = Submit(url, "tanaka", tanakaChat, tanakaPrompt.ActivityId, CardData(tanakaPrompt, 0, ("kdi:daily-calls", "22"), ("kdi:intro-emails", "3")), "m-submit");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(submit, Token())).StatusCode);
        for (var waited = 0; Fake.Calls("POST", tanakaActivities).Count < 2 && waited < 150; waited++)
        {
            await Task.Delay(100);
        }

        var reply = Fake.Calls("POST", tanakaActivities).Skip(1).Select(r => JsonNode.Parse(r.Body)!["summary"]?.GetValue<string>()).ToList();
        Assert.Equal([TryAgain], reply);

        await ((PostgresTestDatabase)Db).SetReachableAsync(true);
        Assert.Empty(await DayAsync(host, "suzuki"));
        Assert.Empty(await DayAsync(host, "tanaka"));

        // Sent again once the database is back: saved, and the card becomes the receipt.
        var again = JsonNode.Parse(await (await host.PostAsync(Execute1(), Token())).Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)again["type"]);
        Assert.Equal(2, (await DayAsync(host, "suzuki")).Count);
    }

    private static Task<IReadOnlyList<CheckInEntry>> DayAsync(TeamsHost host, string person) =>
        host.InScopeAsync(s => s.GetRequiredService<ICheckInRepository>().GetDayAsync(person, new DateOnly(2026, 11, 30), CancellationToken.None));
}
