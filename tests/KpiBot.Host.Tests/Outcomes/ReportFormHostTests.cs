using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Host.Tests.Slack;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Outcomes;

/// <summary>
/// Reporting a result through the forms: Slack's <c>/kpi report</c> opens a modal whose submission records the
/// result (a refusal shown next to its field, nothing stored), and Teams' <c>report</c> sends a card whose Submit
/// records it and is replaced by the receipt; either way the KGI moves in status, the digest and <c>goals tree</c>,
/// with the estimate (田中's 40 calls → ¥300,000) still shown — on SQLite and PostgreSQL.
/// </summary>
public sealed class ReportFormHostTests
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Kgi = OutcomeHostTests.Kgi;
    private const string Estimate = OutcomeHostTests.Estimate;

    /// <summary>The report modal submitted, as Slack posts it.</summary>
    internal static string ReportSubmission(string user, string channel, string? goal, string amount, string day)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackHost.Team },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = SlackHost.Team },
            ["trigger_id"] = "trigger-report",
            ["view"] = new JsonObject
            {
                ["id"] = "V0REPORT",
                ["type"] = "modal",
                ["callback_id"] = "kpi_report",
                ["private_metadata"] = channel,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["report:goal"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = goal is null ? null : new JsonObject { ["value"] = goal } } },
                        ["report:amount"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = amount } },
                        ["report:day"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = day } },
                        ["report:note"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = null } },
                    },
                },
            },
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task InSlack_ReportOpensTheModal_AndItsSubmissionMovesTheKgi(StorageProvider provider)
    {
        await using var db = await OutcomeHostTests.ImportedWithCallsAsync(provider);
        await using var host = await SlackHost.StartAsync(db, Friday);
        host.Slack.AddUser("U0SATO", "sato@example.co.jp");

        var opened = await host.FormAsync(KpiBot.Testing.Fakes.SlackPayloads.Slash(SlackHost.Team, "U0SATO", "D0SATO", "report", host.Slack.ResponseUrl, "directmessage"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        await host.SettleAsync();
        var view = host.Slack.Single("views.open").Json["view"]!;
        Assert.Equal(("kpi_report", "D0SATO"), (view["callback_id"]!.GetValue<string>(), view["private_metadata"]!.GetValue<string>()));
        Assert.Contains("新規顧客の売上", view.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Empty(host.Slack.Of("response_url"));

        var refused = await host.FormAsync(ReportSubmission("U0SATO", "D0SATO", "new-sales", "たくさん", "2026-11-20"));
        var errors = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", errors["response_action"]!.GetValue<string>());
        Assert.Contains("たくさん", errors["errors"]!["report:amount"]!.GetValue<string>(), StringComparison.Ordinal);

        var saved = await host.FormAsync(ReportSubmission("U0SATO", "D0SATO", "new-sales", "120万", "2026-11-20"));
        Assert.Equal("clear", JsonNode.Parse(await saved.Content.ReadAsStringAsync())!["response_action"]!.GetValue<string>());
        await host.SettleAsync();
        var receipt = host.Slack.Of("chat.postMessage").Select(c => c.Json["text"]!.GetValue<string>()).Single(t => t.Contains("記録しました", StringComparison.Ordinal));
        Assert.StartsWith("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", receipt, StringComparison.Ordinal);

        var status = await host.SlashAsync("U0SATO", "D0SATO", "status");
        var digest = await host.SlashAsync("U0SATO", "D0SATO", "digest");
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains(Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
        await OutcomeHostTests.AssertTreeAsync(db);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task InTeams_ReportSendsTheCard_AndItsSubmitIsReplacedByTheReceipt(StorageProvider provider)
    {
        await using var db = await OutcomeHostTests.ImportedWithCallsAsync(provider);
        await using var fake = await FakeBotFrameworkServer.StartAsync();
        var key = fake.AddKey("key-1", "msteams");
        fake.Members = SalesMembers();
        var time = new FakeTimeProvider(Friday);
        await using var host = TeamsHost.Start(db, fake, time);
        string Token() => TestTokens.Mint(key, time.GetUtcNow(), serviceUrl: fake.BaseAddress.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(InstalledInTeam(host.ServiceUrl), Token())).StatusCode);
        await host.SettleAsync();
        var conversation = PersonalOf("sato");
        var replies = "/v3/conversations/" + Uri.EscapeDataString(conversation) + "/activities/";

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, "sato", "report", "m-report"), Token())).StatusCode);
        await host.SettleAsync();
        var form = Assert.Single(fake.Calls("POST", replies + "m-report"));
        Assert.Contains("Input.ChoiceSet", form.Body, StringComparison.Ordinal);

        var bad = CardData(form, 0, ("report:goal", "new-sales"), ("report:amount", "-5"), ("report:day", "2026-11-20"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Submit(host.ServiceUrl, "sato", conversation, "card-1", bad, "m-bad"), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Contains("0 以上", Text(Assert.Single(fake.Calls("POST", replies + "m-bad"))), StringComparison.Ordinal);
        Assert.Empty(fake.Calls("PUT", replies + "card-1"));

        var good = CardData(form, 0, ("report:goal", "new-sales"), ("report:amount", "1,200,000"), ("report:day", "2026-11-20"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Submit(host.ServiceUrl, "sato", conversation, "card-1", good, "m-good"), Token())).StatusCode);
        await host.SettleAsync();
        var update = Assert.Single(fake.Calls("PUT", replies + "card-1"));
        Assert.Contains("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", Text(update), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, "sato", "status", "m-status"), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, "sato", "digest", "m-digest"), Token())).StatusCode);
        await host.SettleAsync();
        var status = Text(Assert.Single(fake.Calls("POST", replies + "m-status")));
        var digest = Text(Assert.Single(fake.Calls("POST", replies + "m-digest")));
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains(Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
        await OutcomeHostTests.AssertTreeAsync(db);
    }

    /// <summary>Every string of a connector call's activity (the card's texts, unescaped), one a line.</summary>
    internal static string Text(RecordedRequest call) => string.Join('\n', Strings(JsonNode.Parse(call.Body)));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
