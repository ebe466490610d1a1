using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Api;

/// <summary>Results and KDI values pushed by another system: validated as chat input is, idempotent, and they move the KGI.</summary>
public sealed class ApiWriteTests
{
    private const string Kgi = "¥1,200,000 / ¥100,000,000";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AResultPushedByTheApi_MovesTheKgi_InStatusDigestAndTree_WithTheEstimateShown(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("crm", "write");

        // 40 calls by 田中 (the estimate: 2 meetings → ¥300,000 of new sales), then the CRM's November sales.
        var calls = await host.PostAsync("/api/v1/checkins", key, """{ "person": "tanaka", "kdi": "daily-calls", "date": "2026-11-26", "value": 40 }""");
        var sales = await host.PostAsync("/api/v1/outcomes", key, """{ "node": "new-sales", "date": "2026-11-20", "value": 1200000, "note": "CRM close" }""");

        Assert.Equal(HttpStatusCode.OK, calls.StatusCode);
        Assert.True(sales.StatusCode == HttpStatusCode.OK, await sales.Content.ReadAsStringAsync());
        var result = (await ApiHost.JsonAsync(sales))["results"]![0]!;
        Assert.Equal(("new-sales", "2026-11-01", 1200000m, "created", 1),
            (result["node"]!.GetValue<string>(), result["day"]!.GetValue<string>(), result["value"]!.GetValue<decimal>(), result["result"]!.GetValue<string>(), result["revision"]!.GetValue<int>()));

        // The tree through the API: the KGI moved, and new sales carry the estimate and say which drives.
        var tree = await ApiHost.JsonAsync(await host.GetAsync("/api/v1/tree?team=sales&asOf=2026-11-27", key));
        var nodes = tree["nodes"]!.AsArray();
        var kgi = nodes.Single(n => n!["id"]!.GetValue<string>() == "annual-sales")!;
        var newSales = nodes.Single(n => n!["id"]!.GetValue<string>() == "new-sales")!;
        Assert.Equal(1_200_000m, kgi["figures"]!["actual"]!.GetValue<decimal>());
        Assert.Equal((1_200_000m, 300_000m, "reported"),
            (newSales["outcome"]!["reported"]!.GetValue<decimal>(), newSales["outcome"]!["estimate"]!.GetValue<decimal>(), newSales["outcome"]!["drives"]!.GetValue<string>()));

        // goals tree on the command line.
        var cli = await CliRunner.RunAsync(db.Settings, "goals", "tree", "--team", "sales", "--as-of", "2026-11-27", "--lang", "ja");
        Assert.Contains(cli.Output.Split('\n'), l => l.Contains("KGI 年間売上1億円", StringComparison.Ordinal) && l.Contains(Kgi, StringComparison.Ordinal));
        Assert.Contains("報告値 · 推計 ¥300,000", cli.Output, StringComparison.Ordinal);

        // The lead's status and the team's digest, built by the host's own services.
        var status = await host.InScopeAsync(async s =>
        {
            var sato = new ChatUser(Platforms.Test, "t", "U-sato");
            await s.GetRequiredService<IIdentityStore>().LinkAsync(sato, "sato", host.Time.GetUtcNow(), CancellationToken.None);
            var reply = await s.GetRequiredService<ConversationService>().HandleAsync(
                new IncomingMessage(sato, new ConversationAddress(Platforms.Test, "t", "dm"), ConversationKind.Personal, "status", "ja"), CancellationToken.None);
            return reply.Replies[0].View.Text;
        });
        var digest = await host.InScopeAsync(async s =>
        {
            var model = (await s.GetRequiredService<IGoalsProvider>().CurrentAsync(CancellationToken.None))!;
            var view = await s.GetRequiredService<DigestBuilder>().BuildAsync(model, model.TeamsById["sales"], new DateOnly(2026, 11, 23), Localized.Japanese, CancellationToken.None);
            return view.Text;
        });
        Assert.Contains(Kgi, status, StringComparison.Ordinal);
        Assert.Contains("報告値 · 推計 ¥300,000", status, StringComparison.Ordinal);
        Assert.Contains("年間売上1億円: 累計（期限 2027年3月31日） " + Kgi, digest, StringComparison.Ordinal);
        Assert.Contains("報告値 · 推計 ¥300,000", digest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ARetriedRequest_ChangesNothing_AndAnswersAsTheFirstDid(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("crm", "write");
        const string batch = """
            [ { "node": "new-sales", "date": "2026-11-20", "value": 1200000 },
              { "node": "meetings", "person": "suzuki@example.co.jp", "date": "2026-11-25", "value": 3 } ]
            """;

        var first = await host.PostAsync("/api/v1/outcomes", key, batch, idempotencyKey: "sync-2026-11-27");
        var firstBody = await first.Content.ReadAsStringAsync();
        await using (var context = db.NewContext())
        {
            // Someone corrects the sales in between; the retry must not put the old value back.
            await context.OutcomeReports.Where(r => r.NodeId == "new-sales").ExecuteUpdateAsync(u => u.SetProperty(r => r.ValueScaled, 15_000_000_000L));
        }

        var retry = await host.PostAsync("/api/v1/outcomes", key, batch, idempotencyKey: "sync-2026-11-27");
        var otherBody = await host.PostAsync("/api/v1/outcomes", key, batch.Replace("1200000", "1300000", StringComparison.Ordinal), idempotencyKey: "sync-2026-11-27");
        var withoutKey = await host.PostAsync("/api/v1/outcomes", key, batch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Contains("updated", await withoutKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);  // no key: a plain second write
        await using var after = db.NewContext();
        Assert.Equal(2, await after.OutcomeReports.CountAsync());
        Assert.Equal(3, await after.OutcomeAudit.CountAsync());   // two creations, then the keyless write's correction back
        Assert.Equal(
            ["created", "created"],
            (await ApiHost.JsonAsync(retry))["results"]!.AsArray().Select(r => r!["result"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task BadRows_AreProblemDetailsNamingRowAndField_AndNothingIsStored(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("crm", "write");
        const string batch = """
            [ { "node": "new-sales", "date": "2026-11-20", "value": 1200000 },
              { "node": "new-sales", "date": "2026-11-21", "value": -5 },
              { "node": "daily-calls", "date": "2026-11-21", "value": 5 },
              { "node": "repeat-sales", "date": "2026-12-25", "value": 5 },
              { "node": "meetings", "date": "2026-11-21", "value": 2 },
              { "date": "2026-11-21", "value": 2 } ]
            """;

        var response = await host.PostAsync("/api/v1/outcomes", key, batch, language: "ja");
        var unreadable = await host.PostAsync("/api/v1/outcomes", key, """[ { "node": "new-sales", "date": "20 Nov", "value": 1 } ]""");
        var checkIn = await host.PostAsync("/api/v1/checkins", key, """[ { "person": "tanaka", "kdi": "daily-calls", "date": "2026-11-26", "value": 1.23456 }, { "person": "nobody", "kdi": "daily-calls", "date": "2026-11-26", "value": 1 } ]""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiHost.JsonAsync(response))["errors"]!.AsArray()
            .Select(e => (e!["row"]!.GetValue<int>(), e["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [(1, "value", "Negative"), (2, "node", "NotAnOutcome"), (3, "date", "FutureDay"), (4, "person", "PersonRequired"), (5, "node", "Missing")],
            errors);
        var message = (await ApiHost.JsonAsync(response))["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Equal("実績は 0 以上にしてください（-5 が指定されました）。", message);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(0, (await ApiHost.JsonAsync(unreadable))["errors"]![0]!["row"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, checkIn.StatusCode);
        Assert.Equal(
            [(0, "value", "TooPrecise"), (1, "person", "UnknownPerson")],
            (await ApiHost.JsonAsync(checkIn))["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())));
        await using var context = db.NewContext();
        Assert.Equal(0, await context.OutcomeReports.CountAsync());
        Assert.Equal(0, await context.CheckInEntries.CountAsync());
    }

    [Fact]
    public async Task ABatchOfAThousand_IsStored_AndOneMoreIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("crm", "write");
        var day = new DateOnly(2026, 4, 1);
        JsonArray Rows(int count) => [.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["person"] = "tanaka",
            ["kdi"] = "daily-calls",
            ["date"] = day.AddDays(i % 240).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["value"] = i / 240 + 1,
        })];

        var ok = await host.PostAsync("/api/v1/checkins", key, Rows(1000).ToJsonString());
        var tooMany = await host.PostAsync("/api/v1/checkins", key, Rows(1001).ToJsonString());

        Assert.True(ok.StatusCode == HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        Assert.Equal(1000, (await ApiHost.JsonAsync(ok))["results"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        await using var context = db.NewContext();
        Assert.Equal(240, await context.CheckInEntries.CountAsync());     // 240 days, each written up to 5 times
        Assert.Equal("api", (await context.CheckInEntries.FirstAsync()).Source);
    }
}
