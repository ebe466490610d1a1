using System.CommandLine;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Formatting;
using KpiBot.Core.Resources;
using KpiBot.Host.Resources;

namespace KpiBot.Host.Cli;

/// <summary><c>kpibot checkin add</c>: record a value by hand, for backfill and tests.</summary>
internal static class CheckInCommands
{
    public static Command Create(CliEnvironment env)
    {
        var checkin = new Command("checkin", "Record check-in values.");
        var person = new Option<string>("--person") { Description = "The person's email.", Required = true };
        var node = new Option<string>("--kdi") { Description = "The KDI id (or a KPI reported directly).", Required = true };
        var day = new Option<DateOnly?>("--day") { Description = "The work day (YYYY-MM-DD).", Required = true, CustomParser = CliOptions.ParseDate };
        var value = new Option<decimal>("--value") { Description = "The value.", Required = true, CustomParser = CliOptions.ParseDecimal };
        var note = new Option<string?>("--note") { Description = "An optional note." };
        var blocker = new Option<bool>("--blocker") { Description = "Flag a blocker." };
        var confirm = new Option<bool>("--confirm") { Description = "Record a value that looks too large." };
        var add = new Command("add", "Record one value for a person, KDI and day.") { person, node, day, value, note, blocker, confirm };
        add.SetAction((parse, ct) => env.WithGoalsAsync(parse, async store =>
        {
            var (model, culture) = (store.Model, store.Culture);
            if (await env.PersonAsync(store, parse.GetRequiredValue(person), ct) is not { } member)
            {
                return 1;
            }

            var nodeId = parse.GetRequiredValue(node);
            var workDay = parse.GetValue(day)!.Value;
            var amount = parse.GetValue(value);
            var submission = new CheckInSubmission(
                member.Id, workDay, new Dictionary<string, decimal> { [nodeId] = amount }, parse.GetValue(note), parse.GetValue(blocker),
                CheckInSources.Cli, "cli:" + Environment.UserName, Confirmed: parse.GetValue(confirm));
            var outcome = await store.Services.GetRequiredService<CheckInService>().SubmitAsync(model, submission, ct);
            if (outcome.Status != CheckInStatus.Saved)
            {
                foreach (var problem in outcome.Problems)
                {
                    await env.Error.WriteLineAsync(problem.Problem.Message(culture));
                }

                return 1;
            }

            var result = outcome.Recorded[0];
            var amountText = QuantityFormatter.Format(amount, model.NodesById[nodeId], culture);
            await env.Output.WriteLineAsync(result.Outcome switch
            {
                CheckInOutcome.Created => Localized.Format(CliText.ResourceManager, nameof(CliText.CheckInCreated), culture, amountText, workDay),
                CheckInOutcome.Updated => Localized.Format(CliText.ResourceManager, nameof(CliText.CheckInUpdated), culture, amountText, workDay, result.Revision),
                _ => Localized.Format(CliText.ResourceManager, nameof(CliText.CheckInUnchanged), culture, amountText, workDay),
            });
            return 0;
        }, ct));
        checkin.Add(add);
        return checkin;
    }
}
