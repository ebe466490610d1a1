using System.CommandLine;
using KpiBot.Core.Calendar;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Host.Goals;
using KpiBot.Host.Resources;
using KpiBot.Storage;

namespace KpiBot.Host.Cli;

/// <summary><c>kpibot goals validate|import|tree</c>.</summary>
internal static class GoalsCommands
{
    public static Command Create(CliEnvironment env)
    {
        var goals = new Command("goals", "Validate, import and show the goals file (teams, people, the KPI tree).");
        goals.Add(Validate(env));
        goals.Add(Import(env));
        goals.Add(Tree(env));
        return goals;
    }

    private static Argument<string> FileArgument() => new("FILE") { Description = "The goals file (YAML)." };

    private static Command Validate(CliEnvironment env)
    {
        var file = FileArgument();
        var command = new Command("validate", "Check a goals file; exit 0 with warnings, 1 with errors.") { file };
        command.SetAction(async (parse, ct) =>
        {
            using var host = env.BuildHost();
            var outcome = await GoalsFileService.ReadAsync(parse.GetRequiredValue(file), ct);
            return Report(env, outcome, parse.GetValue(CliOptions.Language), host.Services);
        });
        return command;
    }

    private static Command Import(CliEnvironment env)
    {
        var file = FileArgument();
        var command = new Command("import", "Validate a goals file, then write it to the configured store.") { file };
        command.SetAction(async (parse, ct) =>
        {
            using var host = env.BuildHost();
            await KpiBotDatabase.MigrateAsync(host.Services, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<GoalsFileService>()
                .ImportAsync(parse.GetRequiredValue(file), Environment.UserName, ct);
            var exit = Report(env, outcome, parse.GetValue(CliOptions.Language), host.Services);
            var culture = CliEnvironment.CultureFor(parse.GetValue(CliOptions.Language), host.Services, outcome.Load?.Model);
            if (outcome.Rejected is { } rejected)
            {
                await env.Error.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.TargetRejected), culture,
                    rejected.RejectedNodeId, rejected.Rejection));
                return 1;
            }

            if (outcome.Import is { } s)
            {
                await env.Output.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.Imported), culture,
                    outcome.Path, s.Version, s.Nodes.Added, s.Nodes.Updated, s.Nodes.Archived,
                    s.People.Added, s.People.Updated, s.People.Archived, s.TargetsChanged));
            }

            return exit;
        });
        return command;
    }

    private static int Report(CliEnvironment env, GoalsFileOutcome outcome, string? language, IServiceProvider services)
    {
        var culture = CliEnvironment.CultureFor(language, services, outcome.Load?.Model);
        if (outcome.ReadError is not null)
        {
            env.Error.WriteLine(Localized.Format(CliText.ResourceManager, nameof(CliText.CannotRead), culture, outcome.Path, outcome.ReadError));
            return 1;
        }

        var diagnostics = outcome.Load!.Diagnostics;
        foreach (var diagnostic in diagnostics)
        {
            env.Output.WriteLine(diagnostic.Format(culture));
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        env.Output.WriteLine(errors == 0
            ? Localized.Format(CliText.ResourceManager, nameof(CliText.ValidSummary), culture, outcome.Path, warnings)
            : Localized.Format(CliText.ResourceManager, nameof(CliText.InvalidSummary), culture, outcome.Path, errors, warnings));
        return errors == 0 ? 0 : 1;
    }

    private static Command Tree(CliEnvironment env)
    {
        var team = new Option<string?>("--team") { Description = "Only this team's goals." };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Judge progress as of this day (YYYY-MM-DD; default: today).", CustomParser = CliOptions.ParseDate };
        var period = new Option<PeriodKind?>("--period") { Description = "Evaluate KPIs and KDIs over this period kind instead of their own." };
        var command = new Command("tree", "Print the KPI tree with progress, pace and status, from the store.") { team, asOf, period };
        command.SetAction(async (parse, ct) =>
        {
            using var host = env.BuildHost();
            await KpiBotDatabase.MigrateAsync(host.Services, ct);
            await using var scope = host.Services.CreateAsyncScope();
            var model = await scope.ServiceProvider.GetRequiredService<GoalsStore>().LoadCurrentAsync(ct);
            var culture = CliEnvironment.CultureFor(parse.GetValue(CliOptions.Language), host.Services, model);
            if (model is null)
            {
                await env.Error.WriteLineAsync(Localized.Get(CliText.ResourceManager, nameof(CliText.NoGoals), culture));
                return 1;
            }

            var teamId = parse.GetValue(team);
            if (teamId is not null && !model.TeamsById.ContainsKey(teamId))
            {
                await env.Error.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.UnknownTeam), culture,
                    teamId, string.Join(", ", model.Teams.Select(t => t.Id))));
                return 1;
            }

            var zone = teamId is not null ? model.TeamsById[teamId].TimeZone : model.Teams[0].TimeZone;
            var day = parse.GetValue(asOf) ?? Zones.Today(zone, host.Services.GetRequiredService<TimeProvider>());
            // Judge the period against the targets that applied on that day (re-imports keep target history).
            var goals = scope.ServiceProvider.GetRequiredService<GoalsStore>();
            var targets = await goals.TargetsAtAsync([.. model.NodesById.Keys], day, ct);
            model = model.WithTargets(targets.ToDictionary(t => t.Key, t => t.Value.Target, StringComparer.Ordinal));
            var report = await scope.ServiceProvider.GetRequiredService<RollupService>()
                .ComputeAsync(model, new RollupRequest(day, teamId, parse.GetValue(period)), ct);
            await env.Output.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.TreeHeader), culture, day, zone));
            await env.Output.WriteAsync(TreeTextRenderer.Render(model, report, culture));
            return 0;
        });
        return command;
    }
}
