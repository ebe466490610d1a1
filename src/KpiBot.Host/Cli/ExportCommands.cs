using System.CommandLine;
using KpiBot.Core.Reporting;
using KpiBot.Core.Resources;
using KpiBot.Host.Resources;
using KpiBot.Web.Export;

namespace KpiBot.Host.Cli;

/// <summary><c>kpibot export checkins --from DATE --to DATE [--team T] &gt; file.csv</c>: the same CSV as the API, streamed to stdout.</summary>
internal static class ExportCommands
{
    public static Command Create(CliEnvironment env)
    {
        var export = new Command("export", "Write data as CSV (UTF-8 with BOM) to standard output.");
        var from = new Option<DateOnly?>("--from") { Description = "First day (YYYY-MM-DD).", Required = true, CustomParser = CliOptions.ParseDate };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (YYYY-MM-DD).", Required = true, CustomParser = CliOptions.ParseDate };
        var team = new Option<string?>("--team") { Description = "Only this team's people." };
        var checkins = new Command("checkins", "Every check-in of the range, one row each.") { from, to, team };
        checkins.SetAction((parse, ct) => env.WithGoalsAsync(parse, async store =>
        {
            var (model, culture) = (store.Model, store.Culture);
            var teamId = parse.GetValue(team);
            if (teamId is not null && !model.TeamsById.ContainsKey(teamId))
            {
                await env.Error.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.UnknownTeam), culture,
                    teamId, string.Join(", ", model.Teams.Select(t => t.Id))));
                return 1;
            }

            var (first, last) = (parse.GetValue(from)!.Value, parse.GetValue(to)!.Value);
            if (last < first)
            {
                await env.Error.WriteLineAsync("--to is before --from.");
                return 1;
            }

            var filter = new CheckInFilter(first, last, teamId is null ? null : [.. model.MembersOf(teamId).Select(p => p.Id)]);
            var rows = store.Services.GetRequiredService<ICheckInQuery>().StreamAsync(filter, ct);
            await using var output = env.OpenBinaryOutput();
            var count = await CsvExports.WriteCheckInsAsync(output, model, rows, culture, ct);
            await env.Error.WriteLineAsync($"{count} check-ins written.");
            return 0;
        }, ct));
        export.Add(checkins);
        return export;
    }
}
