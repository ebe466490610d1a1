using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Host.Tests.Api;

/// <summary>
/// The curl session of docs/api.md is what a CRM integrator copies: it runs as written (bash and curl) against the
/// real host, every call answers with the status the session expects, and every answer the docs print in full is
/// the answer the host gives.
/// </summary>
public sealed partial class ApiDocsSessionTests
{
    private static readonly string DocsFile = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "api.md");

    // Tuesday 2026-12-01 09:00 in Tokyo: November is over, so its sales can be reported.
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheCurlSessionOfTheDocs_RunsAsWritten_AgainstTheRealHost()
    {
        var session = Session(await File.ReadAllTextAsync(DocsFile));
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ApiHost.StartAsync(db, now: Tuesday);
        var key = await host.KeyAsync("crm", "write", team: "sales");
        Assert.Contains("KEY=kpb_…", session, StringComparison.Ordinal);
        Assert.Contains("API=http://localhost:5000/api/v1", session, StringComparison.Ordinal);
        var script = "curl() { command curl -w '\\n=> %{http_code}\\n' \"$@\"; }\n"   // each call also prints its status
            + session.Replace("KEY=kpb_…", "KEY=" + key, StringComparison.Ordinal)
                .Replace("API=http://localhost:5000/api/v1", "API=" + new Uri(host.Client.BaseAddress!, "api/v1"), StringComparison.Ordinal);

        var folder = Directory.CreateTempSubdirectory("kpibot-curl-");
        try
        {
            var (exit, output) = await RunBashAsync(script, folder.FullName);

            Assert.True(exit == 0, output);
            var statuses = output.Split('\n').Where(l => l.StartsWith("=> ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
            Assert.Equal(["200", "200", "200", "200", "422", "200", "200", "200", "200"], statuses);
            var answers = DocumentedAnswers(session).ToList();
            Assert.NotEmpty(answers);
            Assert.All(answers, answer => Assert.Contains(answer, output, StringComparison.Ordinal));
            var csv = await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "checkins.csv"));
            Assert.StartsWith("\uFEFFID,日付,担当者ID", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
            Assert.Contains(",tanaka,田中 健太,sales,daily-calls,", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The bash block under "A session a CRM integrator would copy".</summary>
    private static string Session(string markdown)
    {
        var start = markdown.IndexOf("## A session a CRM integrator would copy", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/api.md has no curl session");
        var open = markdown.IndexOf("```bash\n", start, StringComparison.Ordinal) + "```bash\n".Length;
        var close = markdown.IndexOf("\n```", open, StringComparison.Ordinal);
        return markdown[open..close] + "\n";
    }

    /// <summary>
    /// The answers the session prints in full: a comment <c># {…}</c> or <c># 422 {…}</c>, continued on the comment
    /// lines below it, as one line; answers shortened with … are left out.
    /// </summary>
    private static IEnumerable<string> DocumentedAnswers(string session)
    {
        var lines = session.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var first = AnswerStart().Match(lines[i]);
            if (!first.Success)
            {
                continue;
            }

            var answer = new StringBuilder(first.Groups["json"].Value);
            while (i + 1 < lines.Length && AnswerContinued().Match(lines[i + 1]) is { Success: true } more)
            {
                answer.Append(more.Groups["json"].Value);
                i++;
            }

            var text = answer.ToString().TrimEnd();
            if (!text.Contains('…', StringComparison.Ordinal))
            {
                Assert.NotNull(JsonNode.Parse(text));   // the docs print valid JSON
                yield return text;
            }
        }
    }

    private static async Task<(int Exit, string Output)> RunBashAsync(string script, string folder)
    {
        var file = Path.Combine(folder, "session.sh");
        await File.WriteAllTextAsync(file, script);
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-eu", "-o", "pipefail", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"^# (?:\d{3} )?(?<json>\{.*)$")]
    private static partial Regex AnswerStart();

    [GeneratedRegex(@"^#\s+(?<json>"".*)$")]
    private static partial Regex AnswerContinued();
}
