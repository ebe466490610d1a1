using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Host.Tests.Slack;
using KpiBot.Host.Tests.Teams;
using KpiBot.Storage;
using static KpiBot.Host.Tests.Teams.TeamsActivities;

namespace KpiBot.Host.Tests.Outcomes;

/// <summary>
/// Reporting a result through the forms: Slack's <c>/kpi report</c> opens a modal whose submission records the
/// result (a refusal shown next to its field, nothing stored), and Teams' <c>report</c> sends a card whose Submit
/// records it and is replaced by the receipt; either way the KGI moves in status, the digest and <c>goals tree</c>,
/// with the estimate (田中's 40 calls → ¥300,000) still shown — on SQLite and PostgreSQL.
/// </summary>
public abstract class ReportFormHostTests(StorageProvider provider) : TeamsHostFixture(provider, now: Friday)
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

    [Fact]
    public async Task InSlack_ReportOpensTheModal_AndItsSubmissionMovesTheKgi()
    {
        await OutcomeHostTests.ImportWithCallsAsync(Db);
        await using var host = await SlackHost.StartAsync(Db, Friday);
        host.AddSato();

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

        var status = await host.SatoAsync("status");
        var digest = await host.SatoAsync("digest");
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains(Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
        await OutcomeHostTests.AssertTreeAsync(Db);
    }

    [Fact]
    public async Task InTeams_ReportSendsTheCard_AndItsSubmitIsReplacedByTheReceipt()
    {
        await OutcomeHostTests.ImportWithCallsAsync(Db);
        await using var host = StartHost();
        await InstallAsync(host);
        var conversation = PersonalOf("sato");
        var replies = "/v3/conversations/" + Uri.EscapeDataString(conversation) + "/activities/";

        var form = await SayAsync(host, "sato", "report", "m-report");
        Assert.Contains("Input.ChoiceSet", form.Body, StringComparison.Ordinal);

        var bad = CardData(form, 0, ("report:goal", "new-sales"), ("report:amount", "-5"), ("report:day", "2026-11-20"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Submit(host.ServiceUrl, "sato", conversation, "card-1", bad, "m-bad"), Token())).StatusCode);
        await host.SettleAsync();
        Assert.Contains("0 以上", Text(Assert.Single(Fake.Calls("POST", replies + "m-bad"))), StringComparison.Ordinal);
        Assert.Empty(Fake.Calls("PUT", replies + "card-1"));

        var good = CardData(form, 0, ("report:goal", "new-sales"), ("report:amount", "1,200,000"), ("report:day", "2026-11-20"));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Submit(host.ServiceUrl, "sato", conversation, "card-1", good, "m-good"), Token())).StatusCode);
        await host.SettleAsync();
        var update = Assert.Single(Fake.Calls("PUT", replies + "card-1"));
        Assert.Contains("新規顧客の売上（2026年11月）の実績 ¥1,200,000 を記録しました。", Text(update), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, "sato", "status", "m-status"), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Personal(host.ServiceUrl, "sato", "digest", "m-digest"), Token())).StatusCode);
        await host.SettleAsync();
        var status = Text(Assert.Single(Fake.Calls("POST", replies + "m-status")));
        var digest = Text(Assert.Single(Fake.Calls("POST", replies + "m-digest")));
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains(Estimate, status, StringComparison.Ordinal);
        Assert.Contains(Kgi, digest, StringComparison.Ordinal);
        Assert.Contains(Estimate, digest, StringComparison.Ordinal);
        await OutcomeHostTests.AssertTreeAsync(Db);
    }
}

public sealed class SqliteReportFormHostTests() : ReportFormHostTests(StorageProvider.Sqlite);

public sealed class PostgresReportFormHostTests() : ReportFormHostTests(StorageProvider.Postgres);
