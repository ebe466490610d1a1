using KpiBot.Core.Goals;
using KpiBot.Core.Scheduling;
using static KpiBot.Core.Tests.Scheduling.ScheduleGoals;

namespace KpiBot.Core.Tests.Scheduling;

/// <summary>
/// Reporters are asked for their outcomes on the KDI prompts' schedule: the lead chiba for the monthly sales on
/// the month's last working day, each rep (aoki, baba in Tokyo, emily in New York) for their weekly meetings on
/// the team's weekly day in their own zone — clipped to the KPI's window (4–25 November) — aoki for the KGI each
/// quarter, and nobody for what the CRM pushes.
/// </summary>
public class OutcomeAskTests
{
    private static GoalsModel ReportedModel()
    {
        var team = Team();
        return new GoalsModel(
            new OrganizationSettings("Acme"),
            [team],
            TokyoPeople(),
            [new Kgi("kgi", "Sales", 100m, "JPY", new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), team.Id, KgiRollup.Sum, [],
                Reporting: new OutcomeReporting(ReporterKind.Owner, PeriodKind.Quarter, "aoki@example.com"))],
            [new Ksf("ksf", "New business", "kgi")],
            [
                new Kpi("meetings", "Meetings", "ksf", 10m, "meetings", PeriodKind.Month, team.Id, Aggregation.Sum, KpiSource.Kdis,
                    Start: new DateOnly(2026, 11, 4), End: new DateOnly(2026, 11, 25),
                    Reporting: new OutcomeReporting(ReporterKind.Person, PeriodKind.Week)),
                new Kpi("sales", "New sales", "ksf", 1_000m, "JPY", PeriodKind.Month, team.Id, Aggregation.Sum, KpiSource.Reported,
                    Reporting: new OutcomeReporting(ReporterKind.Lead, PeriodKind.Month)),
                new Kpi("crm", "CRM sales", "ksf", 1_000m, "JPY", PeriodKind.Month, team.Id, Aggregation.Sum, KpiSource.Reported,
                    Reporting: new OutcomeReporting(ReporterKind.Api, PeriodKind.Week)),
            ],
            [new Kdi("calls", "Calls", "meetings", 20m, "calls", KdiCadence.Daily, team.Id)]);
    }

    private static string[] Asks(IEnumerable<Occurrence> due, OccurrenceKind kind = OccurrenceKind.OutcomePrompt) =>
        Lines(due.Where(o => o.Kind == kind));

    [Fact]
    public void Reporters_AreAskedOnTheirCadencesDay_AtTheirLocalPromptTime_OncePerPeriod()
    {
        var model = ReportedModel();
        var start = Utc(11, 1, 0);
        var end = Utc(12, 1, 0);

        var due = OccurrencePlanner.Due(model, start, end);

        // Weekly meetings at 16:00 on Fridays (07:00Z in Tokyo, 21:00Z for emily in New York); the last week is cut
        // by the KPI's end on Wednesday the 25th. The lead's November sales on Monday the 30th, its last working day.
        Assert.Equal(
            [
                "OutcomePrompt aoki 2026-11-06 2026-11-06T07:00Z",
                "OutcomePrompt baba 2026-11-06 2026-11-06T07:00Z",
                "OutcomePrompt emily 2026-11-06 2026-11-06T21:00Z",
                "OutcomePrompt aoki 2026-11-13 2026-11-13T07:00Z",
                "OutcomePrompt baba 2026-11-13 2026-11-13T07:00Z",
                "OutcomePrompt emily 2026-11-13 2026-11-13T21:00Z",
                "OutcomePrompt aoki 2026-11-20 2026-11-20T07:00Z",
                "OutcomePrompt baba 2026-11-20 2026-11-20T07:00Z",
                "OutcomePrompt emily 2026-11-20 2026-11-20T21:00Z",
                "OutcomePrompt aoki 2026-11-25 2026-11-25T07:00Z",
                "OutcomePrompt baba 2026-11-25 2026-11-25T07:00Z",
                "OutcomePrompt emily 2026-11-25 2026-11-25T21:00Z",
                "OutcomePrompt chiba 2026-11-30 2026-11-30T07:00Z",
            ],
            Asks(due));

        // Each is followed by its reminder reminder_after (2 h) later, with the same work day.
        Assert.Equal(
            Asks(due).Select(l => l.Replace("OutcomePrompt", "OutcomeReminder", StringComparison.Ordinal)
                .Replace("T07:00Z", "T09:00Z", StringComparison.Ordinal).Replace("T21:00Z", "T23:00Z", StringComparison.Ordinal)),
            Asks(due, OccurrenceKind.OutcomeReminder));

        // However the window is cut, each ask comes once: the dispatcher's minute-by-minute runs send each once.
        var hourly = Enumerable.Range(0, (int)(end - start).TotalHours)
            .SelectMany(h => OccurrencePlanner.Due(model, start.AddHours(h), start.AddHours(h + 1)))
            .ToList();
        Assert.Equal(Lines(due), Lines(hourly));
    }

    [Fact]
    public void DueOn_NamesTheOutcomesAndTheirPeriods_MovingOffDaysBackToTheLastWorkingDay()
    {
        var model = ReportedModel();
        var chiba = model.PeopleById["chiba"];
        var aoki = model.PeopleById["aoki"];

        // January 2027 ends on a Sunday: its sales are asked for on Friday the 29th, for the whole month.
        var january = Assert.Single(OutcomeAsks.DueOn(model, chiba, new DateOnly(2027, 1, 29)));
        Assert.Equal(("sales", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), (january.Node.Id, january.Period.Start, january.Period.End));
        Assert.Empty(OutcomeAsks.DueOn(model, chiba, new DateOnly(2027, 1, 31)));

        // aoki owns the KGI (quarterly) and reports his own meetings (weekly): two asks on different days, and
        // the meetings are not asked for outside the KPI's window, nor the CRM's numbers ever.
        Assert.Equal(["meetings"], OutcomeAsks.DueOn(model, aoki, new DateOnly(2026, 11, 6)).Select(a => a.Node.Id));
        Assert.Empty(OutcomeAsks.DueOn(model, aoki, new DateOnly(2026, 11, 27)));
        Assert.Empty(OutcomeAsks.DueOn(model, aoki, new DateOnly(2026, 10, 30)));
        var quarter = Assert.Single(OutcomeAsks.DueOn(model, aoki, new DateOnly(2027, 3, 31)));
        Assert.Equal(("kgi", new DateOnly(2027, 3, 31)), (quarter.Node.Id, quarter.Period.End));
        Assert.DoesNotContain(model.People, p => Enumerable.Range(0, 60)
            .Any(d => OutcomeAsks.DueOn(model, p, new DateOnly(2026, 11, 1).AddDays(d)).Any(a => a.Node.Id == "crm")));
    }
}
