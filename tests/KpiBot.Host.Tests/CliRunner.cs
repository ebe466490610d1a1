using KpiBot.Host.Cli;

namespace KpiBot.Host.Tests;

/// <summary>Runs the kpibot command line in-process against the given settings and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await KpiBotCommandLine.RunAsync(args, new CliEnvironment(output, error, settings));
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
