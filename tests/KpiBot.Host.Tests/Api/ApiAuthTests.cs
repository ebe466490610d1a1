using System.Net;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Api;

/// <summary>Who may call what: no key, a bad or revoked key, the wrong scope or another team are refused, and nothing is stored.</summary>
public sealed class ApiAuthTests
{
    private const string Outcome = """{ "node": "new-sales", "date": "2026-11-20", "value": 1200000 }""";
    private const string DormantOutcome = """{ "node": "dormant-sales", "date": "2026-11-20", "value": 5 }""";
    private const string CheckIn = """{ "person": "tanaka@example.co.jp", "kdi": "daily-calls", "date": "2026-11-26", "value": 20 }""";
    private const string OtherTeamCheckIn = """{ "person": "kato@example.co.jp", "kdi": "calls", "date": "2026-11-26", "value": 20 }""";

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task EveryRefusal_HasItsStatusAndAProblemDocument_AndStoresNothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await ApiHost.StartAsync(db);
        var read = await host.KeyAsync("reporting", "read");
        var write = await host.KeyAsync("crm", "write", team: "sales");
        var revoked = await host.KeyAsync("old", "write");
        Assert.Equal(0, (await CliRunner.RunAsync(db.Settings, "apikey", "revoke", "--name", "old")).ExitCode);
        var forged = write[..^4] + "aaaa";

        var cases = new (string Name, Func<Task<HttpResponseMessage>> Call, HttpStatusCode Expected)[]
        {
            ("no key", () => host.PostAsync("/api/v1/outcomes", null, Outcome), HttpStatusCode.Unauthorized),
            ("no key, read", () => host.GetAsync("/api/v1/tree", null), HttpStatusCode.Unauthorized),
            ("malformed key", () => host.PostAsync("/api/v1/outcomes", "not-a-key", Outcome), HttpStatusCode.Unauthorized),
            ("forged secret", () => host.PostAsync("/api/v1/outcomes", forged, Outcome), HttpStatusCode.Unauthorized),
            ("revoked", () => host.PostAsync("/api/v1/outcomes", revoked, Outcome), HttpStatusCode.Unauthorized),
            ("read scope writes", () => host.PostAsync("/api/v1/outcomes", read, Outcome), HttpStatusCode.Forbidden),
            ("read scope writes a check-in", () => host.PostAsync("/api/v1/checkins", read, CheckIn), HttpStatusCode.Forbidden),
            ("team key writes another team's outcome", () => host.PostAsync("/api/v1/outcomes", write, DormantOutcome), HttpStatusCode.Forbidden),
            ("team key writes another team's check-in", () => host.PostAsync("/api/v1/checkins", write, OtherTeamCheckIn), HttpStatusCode.Forbidden),
            ("team key, mixed batch", () => host.PostAsync("/api/v1/outcomes", write, $"[{Outcome}, {DormantOutcome}]"), HttpStatusCode.Forbidden),
            ("team key reads another team", () => host.GetAsync("/api/v1/tree?team=telemarketing", write), HttpStatusCode.Forbidden),
            ("team key reads another team's check-ins", () => host.GetAsync("/api/v1/checkins?person=kato", write), HttpStatusCode.Forbidden),
            ("team key exports another team", () => host.GetAsync("/api/v1/export/checkins.csv?team=telemarketing", write), HttpStatusCode.Forbidden),
        };

        foreach (var (name, call, expected) in cases)
        {
            var response = await call();
            Assert.True(expected == response.StatusCode, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{name}: {response.Content.Headers.ContentType}");
            Assert.Equal((int)expected, (await ApiHost.JsonAsync(response))["status"]!.GetValue<int>());
        }

        await using var context = db.NewContext();
        Assert.Equal(0, await context.OutcomeReports.CountAsync());
        Assert.Equal(0, await context.CheckInEntries.CountAsync());

        // The same keys do what they may.
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/v1/tree", read)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/v1/tree", write)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/v1/outcomes", write, Outcome)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("/api/v1/checkins", write, CheckIn)).StatusCode);
    }

    [Fact]
    public async Task Keys_AreShownOnce_StoredHashed_AndListedWithoutTheSecret()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("crm", "write", team: "sales");

        var again = await CliRunner.RunAsync(db.Settings, "apikey", "create", "--name", "crm", "--scope", "read");
        var list = await CliRunner.RunAsync(db.Settings, "apikey", "list");

        Assert.Matches("^kpb_[0-9a-f]{8}_[a-z2-7]{40}$", key);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Contains("crm\twrite\tsales\tkpb_" + key[4..12], list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key[13..], list.Output, StringComparison.Ordinal);
        await using var context = db.NewContext();
        var row = await context.ApiKeys.SingleAsync();
        Assert.DoesNotContain(key[13..], row.SecretHash, StringComparison.Ordinal);
        Assert.Equal(64, row.SecretHash.Length);
    }

    [Fact]
    public async Task TooManyRequests_Get429WithRetryAfter_PerKey()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ApiHost.StartAsync(db, new Dictionary<string, string?> { ["Api:PermitsPerMinute"] = "3" });
        var busy = await host.KeyAsync("busy", "read");
        var other = await host.KeyAsync("other", "read");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await host.GetAsync("/api/v1/participation", busy));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        var limited = answers[^1];
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/v1/participation", other)).StatusCode);   // another key has its own bucket
    }
}
