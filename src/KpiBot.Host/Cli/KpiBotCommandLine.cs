using System.CommandLine;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Cli;

/// <summary>
/// The <c>kpibot</c> command line. The host and the CLI are one executable: with no command (or with
/// only host options such as <c>--urls</c>) it serves.
/// </summary>
public static class KpiBotCommandLine
{
    private static readonly HashSet<string> Commands = ["goals", "checkin", "report", "db", "teams", "serve", "-h", "--help", "-?", "--version"];

    public static async Task<int> RunAsync(string[] args, CliEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            await ServeAsync(args);
            return 0;
        }

        environment ??= CliEnvironment.Console();
        var root = Create(environment);
        var configuration = new InvocationConfiguration { Output = environment.Output, Error = environment.Error };
        return await root.Parse(args).InvokeAsync(configuration);
    }

    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("KpiBot: goal check-ins for Microsoft Teams and Slack.");
        root.Add(CliOptions.Language);
        root.Add(GoalsCommands.Create(environment));
        root.Add(CheckInCommands.Create(environment));
        root.Add(ReportCommands.Create(environment));
        root.Add(DbCommands.Create(environment));
        root.Add(TeamsCommands.Create(environment));

        var serve = new Command("serve", "Start the host (the default when no command is given).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(async (parse, _) => await ServeAsync([.. parse.UnmatchedTokens]));
        root.Add(serve);
        return root;
    }

    private static Task ServeAsync(string[] args) => KpiBotWebApplication.Build(args).RunAsync();
}
