using System.Net;
using System.Text;
using CsvHelper;
using KpiBot.Host.Cli;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace KpiBot.Host.Tests.Api;

/// <summary>Reads: paging through many check-ins by cursor, history, participation, CSV, and the OpenAPI document.</summary>
public sealed class ApiReadTests
{
    /// <summary>100,000 check-ins: 9 people × 5 KDIs a day over 2,223 days from 2020-01-01 (less the last 35), inserted by one statement.</summary>
    private static async Task SeedAsync(TestDatabase db, StorageProvider provider)
    {
        var (days, day, created) = provider == StorageProvider.Postgres
            ? ("generate_series(0, 2222) AS d(n)", "DATE '2020-01-01' + d.n", "now()")
            : ("d", "date('2020-01-01', '+' || d.n || ' days')", "'2026-11-27 00:00:00+00:00'");
        var sql = (provider == StorageProvider.Postgres ? "" : "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 2222) ")
            + "INSERT INTO checkin_entries (person_id, node_id, day, value_scaled, blocker, source, revision, created_at, updated_at) "
            + $"SELECT p.id, k.id, {day}, (d.n % 50) * 10000, {(provider == StorageProvider.Postgres ? "false" : "0")}, 'import', 1, {created}, {created} "
            + $"FROM {days} CROSS JOIN people p CROSS JOIN goal_nodes k WHERE k.kind = 'Kdi' ORDER BY d.n, p.id, k.id LIMIT 100000";
        await using var context = db.NewContext();
        context.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        Assert.Equal(100_000, await context.Database.ExecuteSqlRawAsync(sql));
    }

    /// <summary>
    /// Each page reads at most one row more than it answers from the database (a keyset query with a LIMIT), so a
    /// client walks all 100,000 check-ins while no request ever holds more than 1,001 of them: every data reader on
    /// check-ins is counted through EF Core's diagnostics, on both providers.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Paging_Through100000CheckIns_ByCursor_ReturnsEachOnceInOrder_WithoutLoadingThemAll(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Watching from before the host starts: the host's pooled DbContexts keep EF Core's answer to "does anything
        // listen?" for up to a second (its logging cache), so a watch begun later misses the first pages' readers.
        using var watch = new ReaderWatch(db);
        await using var host = await ApiHost.StartAsync(db);
        await SeedAsync(db, provider);
        var key = await host.KeyAsync("warehouse", "read");
        watch.Clear();

        var seen = new HashSet<long>();
        var (lastDay, lastId) = (string.Empty, 0L);
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await host.GetAsync("/api/v1/checkins?limit=1000" + (cursor is null ? "" : "&cursor=" + cursor), key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ApiHost.JsonAsync(response);
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 1000);
            foreach (var item in items)
            {
                var (day, id) = (item!["day"]!.GetValue<string>(), item["id"]!.GetValue<long>());
                Assert.True(string.CompareOrdinal(day, lastDay) > 0 || (day == lastDay && id > lastId), $"{day}/{id} after {lastDay}/{lastId}");
                Assert.True(seen.Add(id));
                (lastDay, lastId) = (day, id);
            }

            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(100_000, seen.Count);
        Assert.Equal(100, pages);
        var pageReads = watch.Readers.Where(r => r.Sql.Contains("checkin_entries", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages, pageReads.Count);                                             // one query a page
        Assert.All(pageReads, r => Assert.Contains("LIMIT", r.Sql, StringComparison.Ordinal));
        // Each query is read to its end (Reads = rows + 1): never more than a page and the look-ahead row,
        // and every row read once, plus one look-ahead row on each page but the last.
        Assert.All(pageReads, r => Assert.InRange(r.Reads - 1, 1, 1001));
        Assert.Equal(100_000 + (pages - 1), pageReads.Sum(r => r.Reads - 1));
        var filtered = await ApiHost.JsonAsync(await host.GetAsync("/api/v1/checkins?person=tanaka&from=2020-01-01&to=2020-01-31&limit=1000", key));
        Assert.Equal(31 * 5, filtered["items"]!.AsArray().Count);   // one a day for each of the 5 KDIs
        Assert.Null(filtered["nextCursor"]);
        var bad = await host.GetAsync("/api/v1/checkins?cursor=garbage", key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CsvExports_StreamUtf8WithBom_InTheReadersLanguage_AndParseAsTheRightColumns(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("sheets", "write");
        // Calls are counted whole: a value of 20.5 would refuse the whole batch.
        var posted = await host.PostAsync("/api/v1/checkins", key, """
            [ { "person": "tanaka", "kdi": "daily-calls", "date": "2026-11-26", "value": 21, "note": "顧客A, \"至急\"" },
              { "person": "emily", "kdi": "daily-calls", "date": "2026-11-25", "value": 18, "note": "=HYPERLINK(\"x\")" } ]
            """);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());

        var response = await host.GetAsync("/api/v1/export/checkins.csv?team=sales&from=2026-11-01&to=2026-11-30&lang=ja", key);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var english = await host.GetAsync("/api/v1/export/checkins.csv?from=2026-11-01&to=2026-11-30", key);
        var rollups = await host.GetAsync("/api/v1/export/rollups.csv?team=sales&asOf=2026-11-27", key);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = CsvReader.Create(bytes);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        Assert.Equal(["ID", "日付", "担当者ID", "担当者", "チーム", "目標ID", "目標", "値", "単位", "メモ", "ブロッカー", "入力元", "版", "更新日時 (UTC)"], reader.Headers.ToArray());
        Assert.Equal(2, rows.Count);   // day order
        Assert.Equal(("2026-11-25", "emily", "Emily Carter", "sales", "daily-calls", "18", "calls"),
            (rows[0][1], rows[0][2], rows[0][3], rows[0][4], rows[0][5], rows[0][7], rows[0][8]));
        Assert.Equal(("2026-11-26", "tanaka", "21", "顧客A, \"至急\"", "api"), (rows[1][1], rows[1][2], rows[1][7], rows[1][9], rows[1][11]));
        Assert.Matches("^2026-11-27T14:00:00Z$", rows[1][13]);
        var all = Encoding.UTF8.GetString(await english.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFID,Day,Person ID,Person,Team,Goal ID,Goal,Value,Unit,Note,Blocker,Source,Revision,Updated (UTC)\r\n", all, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", all, StringComparison.Ordinal);   // a formula is escaped so a spreadsheet shows it as text
        var tree = Encoding.UTF8.GetString(await rollups.Content.ReadAsByteArrayAsync());
        Assert.True(tree.Contains("2026-11-27,annual-sales,KGI,年間売上1億円,,JPY,2026-04-01,2027-03-31,292500,100000000,", StringComparison.Ordinal), tree);

        // The same export from the command line.
        using var output = new MemoryStream();
        using var text = new StringWriter();
        using var error = new StringWriter();
        var exit = await KpiBotCommandLine.RunAsync(
            ["export", "checkins", "--from", "2026-11-01", "--to", "2026-11-30", "--team", "sales", "--lang", "ja"],
            new CliEnvironment(text, error, db.Settings) { BinaryOutput = output });
        Assert.True(exit == 0, error.ToString());
        Assert.Equal(bytes.Length, output.ToArray().Length);
        Assert.Contains("2 check-ins written", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryAndParticipation_AnswerForATeam()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ApiHost.StartAsync(db);
        var key = await host.KeyAsync("bi", "write", team: "sales");
        await host.PostAsync("/api/v1/checkins", key, """
            [ { "person": "tanaka", "kdi": "daily-calls", "date": "2026-11-24", "value": 20 },
              { "person": "tanaka", "kdi": "daily-calls", "date": "2026-11-26", "value": 30 } ]
            """);

        var history = await ApiHost.JsonAsync(await host.GetAsync("/api/v1/nodes/daily-calls/history?asOf=2026-11-27", key));
        var participation = await ApiHost.JsonAsync(await host.GetAsync("/api/v1/participation?from=2026-11-23&to=2026-11-27", key));

        var days = history["days"]!.AsArray().ToDictionary(d => d!["day"]!.GetValue<string>(), d => d!["actual"]!.GetValue<decimal>());
        Assert.Equal((0m, 20m, 20m, 50m, 50m), (days["2026-11-23"], days["2026-11-24"], days["2026-11-25"], days["2026-11-26"], days["2026-11-27"]));
        Assert.Equal("2026-11-01", history["windowStart"]!.GetValue<string>());
        var tanaka = participation["weeks"]!.AsArray().Single(w => w!["person"]!.GetValue<string>() == "tanaka")!;
        // 2026-11-23 is Labour Thanksgiving Day: four working days, two answered.
        Assert.Equal((4, 2, 2), (tanaka["asked"]!.GetValue<int>(), tanaka["answered"]!.GetValue<int>(), tanaka["missed"]!.GetValue<int>()));
        Assert.DoesNotContain(participation["weeks"]!.AsArray(), w => w!["team"]!.GetValue<string>() != "sales");
    }

    [Fact]
    public async Task TheOpenApiDocument_IsValid_AndDescribesExactlyTheEndpoints()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ApiHost.StartAsync(db);

        var json = await host.Client.GetStringAsync("/openapi/v1.json");
        var reference = await host.Client.GetAsync("/api/reference");

        var read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}")).Order().ToList();
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order().ToList();
        Assert.Equal(mapped, documented);
        Assert.Contains("POST /api/v1/outcomes", documented);
        Assert.True(document.Components!.SecuritySchemes!.ContainsKey("apiKey"));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}
