using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KpiBot.Benchmarks;

/// <summary>One wrk run's figures: requests per second, the 99th percentile latency, non-2xx answers, and socket errors (timeouts: no answer within wrk's 2 s).</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P99Milliseconds, long Requests, long Non2xx, long Timeouts, long SocketErrors);

/// <summary>
/// Runs wrk 4.x against one URL with a Lua script that POSTs a fixed body with fixed headers, and reads its
/// summary (<c>Requests/sec</c>, the <c>99%</c> line of <c>--latency</c>, non-2xx and socket errors).
/// </summary>
internal static partial class Wrk
{
    public static string Script(string body, IReadOnlyDictionary<string, string> headers)
    {
        var lua = new StringBuilder();
        lua.Append("wrk.method = \"POST\"\n");
        lua.Append("wrk.body = ").Append(LongString(body)).Append('\n');
        foreach (var (name, value) in headers)
        {
            lua.Append("wrk.headers[ ").Append(LongString(name)).Append(" ] = ").Append(LongString(value)).Append('\n');
        }

        var path = Path.Combine(Path.GetTempPath(), $"kpibot-wrk-{Guid.NewGuid():N}.lua");
        File.WriteAllText(path, lua.ToString());
        return path;
    }

    public static async Task<WrkResult> RunAsync(Uri url, string script, int seconds, int connections = 10, int threads = 2)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url.AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || output.Contains(script + ":", StringComparison.Ordinal) || errors.Contains(script + ":", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {errors}\n{output}");
        }

        return Parse(output);
    }

    public static WrkResult Parse(string output)
    {
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        var value = double.Parse(p99.Groups[1].Value, CultureInfo.InvariantCulture);
        var ms = p99.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            _ => throw new FormatException("unknown latency unit in: " + p99.Value),
        };
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output);
        long Count(int group) => socket.Success ? long.Parse(socket.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rps, ms, requests, non2xx, Count(4), Count(1) + Count(2) + Count(3));
    }

    /// <summary>A Lua long string that cannot be closed by its content.</summary>
    private static string LongString(string text)
    {
        var level = "==";
        while (text.Contains("]" + level + "]", StringComparison.Ordinal))
        {
            level += "=";
        }

        return "[" + level + "[" + text + "]" + level + "]";
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+99%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
