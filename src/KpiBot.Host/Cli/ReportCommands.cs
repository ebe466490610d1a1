using System.CommandLine;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Rollup;

namespace KpiBot.Host.Cli;

/// <summary>
/// <c>kpibot report --goal ID --value N [--day DATE] [--person EMAIL] [--note TEXT] [--confirm]</c>: records a
/// result of a reported KGI or KPI from the server, through the same rules and history as chat and the API.
/// </summary>
internal static class ReportCommands
{
    public static Command Create(CliEnvironment env)
    {
        var goal = new Option<string>("--goal") { Description = "The id of a KGI or KPI whose result is reported.", Required = true };
        var value = new Option<decimal>("--value") { Description = "The result (a plain number: 1200000).", Required = true, CustomParser = CliOptions.ParseDecimal };
        var day = new Option<DateOnly?>("--day") { Description = "A day of the period it is for (YYYY-MM-DD; default: today).", CustomParser = CliOptions.ParseDate };
        var person = new Option<string?>("--person") { Description = "Whose result, by email (goals reported per person)." };
        var note = new Option<string?>("--note") { Description = "An optional note." };
        var confirm = new Option<bool>("--confirm") { Description = "Record a result that looks too large." };
        var command = new Command("report", "Record a result (sales, contracts…) of a KGI or KPI reported directly.") { goal, value, day, person, note, confirm };
        command.SetAction((parse, ct) => env.WithGoalsAsync(parse, async store =>
        {
            var (model, culture, services) = (store.Model, store.Culture, store.Services);
            string? personId = null;
            if (parse.GetValue(person) is { } email)
            {
                if (await env.PersonAsync(store, email, ct) is not { } who)
                {
                    return 1;
                }

                personId = who.Id;
            }

            var goalId = parse.GetRequiredValue(goal);
            var time = store.Host.Services.GetRequiredService<TimeProvider>();
            var zone = model.NodesById.TryGetValue(goalId, out var node) && OutcomeNodes.OwnerTeamOf(model, node) is { } team
                ? model.TeamsById[team].TimeZone
                : model.Teams[0].TimeZone;
            var today = Zones.Today(zone, time);
            var report = new OutcomeReport(
                goalId, parse.GetValue(day) ?? today, parse.GetValue(value), CheckInSources.Cli, "cli:" + Environment.UserName,
                ForPersonId: personId, Note: parse.GetValue(note), Confirmed: parse.GetValue(confirm));
            var result = await services.GetRequiredService<OutcomeService>().ReportAsync(model, report, today, time.GetUtcNow(), ct);
            if (!result.Stored)
            {
                await env.Error.WriteLineAsync(OutcomeReceipt.Text(model, result, culture));
                return 1;
            }

            await env.Output.WriteLineAsync(OutcomeReceipt.Text(model, result, culture));
            foreach (var line in await OutcomeStanding.LinesAsync(services.GetRequiredService<RollupService>(), model, goalId, today, culture, ct))
            {
                await env.Output.WriteLineAsync(line);
            }

            return 0;
        }, ct));
        return command;
    }
}
