using System.CommandLine;
using System.Reflection;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Cli;

/// <summary>
/// The <c>kpibot</c> command line. The host and the CLI are one executable: with no command (or with
/// only host options such as <c>--urls</c>) it serves.
/// </summary>
public static class KpiBotCommandLine
{
    private static readonly HashSet<string> Commands = ["goals", "checkin", "report", "apikey", "export", "db", "teams", "serve", "-h", "--help", "-?", "--version"];

    public static async Task<int> RunAsync(string[] args, CliEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            return await ServeAsync(args, Console.Error);
        }

        environment ??= CliEnvironment.Console();
        var root = Create(environment);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            // No signal handling by the command-line library: its handler ends the process 2 s after a SIGTERM
            // (exit 143, Hangfire cut off) and throws on a second signal. The host handles its own signals
            // (StopSignals); a short command ends as any Unix command does.
            ProcessTerminationTimeout = null,
            // A command that fails on its surroundings (a full disk, a read-only or unreachable database) says so in
            // one line, as the host does when it cannot start, instead of the library's stack trace.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await environment.Error.WriteLineAsync($"kpibot: {Describe(ex)}");
            return 1;
        }
    }

    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("KpiBot: goal check-ins for Microsoft Teams and Slack.");
        root.Add(CliOptions.Language);
        root.Add(GoalsCommands.Create(environment));
        root.Add(CheckInCommands.Create(environment));
        root.Add(ReportCommands.Create(environment));
        root.Add(ApiKeyCommands.Create(environment));
        root.Add(ExportCommands.Create(environment));
        root.Add(DbCommands.Create(environment));
        root.Add(TeamsCommands.Create(environment));

        var serve = new Command("serve", "Start the host (the default when no command is given).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(async (parse, _) => await ServeAsync([.. parse.UnmatchedTokens], environment.Error));
        root.Add(serve);
        return root;
    }

    /// <summary>
    /// Serves until the first SIGTERM, SIGINT or SIGQUIT, then stops in order (<see cref="GracefulStop"/>): exit 0
    /// after a clean stop, 1 with a one-line reason when the host cannot start.
    /// </summary>
    private static async Task<int> ServeAsync(string[] args, TextWriter error)
    {
        using var signals = new StopSignals();
        try
        {
            await using var app = KpiBotWebApplication.Build(args);
            await ((IHost)app).RunAsync(signals.Requested);
            return 0;
        }
        catch (OperationCanceledException) when (signals.Requested.IsCancellationRequested)
        {
            // Signalled while starting: nothing was serving yet.
            return 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not HostAbortedException && IsTheProcess)
        {
            await error.WriteLineAsync($"KpiBot could not start or stopped on an error: {Describe(ex)}");
            return 1;
        }
    }

    /// <summary>
    /// True when this entry point is the process's own (kpibot, dotnet run); false when another program runs it in its
    /// process (a test's WebApplicationFactory). Only the process answers a failed start with a line and exit code 1:
    /// a program hosting it in-process needs the exception itself, or it would see the entry point return, the host
    /// already disposed, and fail on that instead of on the reason the host did not start.
    /// </summary>
    private static bool IsTheProcess => Assembly.GetEntryAssembly() == typeof(KpiBotCommandLine).Assembly;

    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(" → ", messages);
    }
}
