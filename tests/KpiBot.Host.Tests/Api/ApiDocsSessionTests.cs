using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Host.Tests.Api;

/// <summary>
/// The curl sessions of docs/api.md and README.md are what a CRM integrator copies: each runs as written (bash and
/// curl) against the real host, every call answers with the status the session expects, and every answer the docs
/// print in full is the answer the host gives.
/// </summary>
public sealed partial class ApiDocsSessionTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..");

    // Tuesday 2026-12-01 09:00 in Tokyo: November is over, so its sales can be reported.
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("docs/api.md", "200 200 200 200 422 200 200 200 200")]
    [InlineData("README.md", "200 200 200")]
    public async Task TheCurlSessionOfTheDocs_RunsAsWritten_AgainstTheRealHost(string file, string expectedStatuses)
    {
        var markdown = await File.ReadAllTextAsync(Path.Combine(Root, file));
        var session = file == "README.md" ? IndentedSession(markdown, "## REST API") : FencedSession(markdown, "## A session a CRM integrator would copy");
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
            var statuses = output.Split('\n').Where(l => l.StartsWith("=> ", StringComparison.Ordinal)).Select(l => l[3..]);
            Assert.Equal(expectedStatuses, string.Join(' ', statuses));
            Assert.All(DocumentedAnswers(session), answer => Assert.Contains(answer, output, StringComparison.Ordinal));
            var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "checkins.csv")));
            Assert.StartsWith("\uFEFFID,日付,担当者ID", csv, StringComparison.Ordinal);
            Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheApiSession_PrintsAnswers_ThatTheTestChecks()
    {
        var session = FencedSession(File.ReadAllText(Path.Combine(Root, "docs/api.md")), "## A session a CRM integrator would copy");

        var answers = DocumentedAnswers(session).ToList();

        Assert.Equal(2, answers.Count);   // the first push (its replay answers the same) and the refused batch
        Assert.StartsWith("{\"title\":\"Some values were not accepted\"", answers[^1], StringComparison.Ordinal);
    }

    /// <summary>The first ```bash block under <paramref name="heading"/>.</summary>
    private static string FencedSession(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, "no " + heading);
        var open = markdown.IndexOf("```bash\n", start, StringComparison.Ordinal) + "```bash\n".Length;
        var close = markdown.IndexOf("\n```", open, StringComparison.Ordinal);
        return markdown[open..close] + "\n";
    }

    /// <summary>The first block of lines indented by four spaces under <paramref name="heading"/>.</summary>
    private static string IndentedSession(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, "no " + heading);
        var lines = markdown[start..].Split('\n').SkipWhile(l => !l.StartsWith("    ", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..]);
        return string.Join('\n', lines) + "\n";
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
