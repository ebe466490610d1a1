using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;

namespace KpiBot.Core.Tests.Outcomes;

/// <summary>
/// A small organisation whose outcomes are reported: reps report their meetings weekly (calls × 5 % is the
/// estimate), the lead reports sales monthly (meetings × ¥100,000 is the estimate), the CRM pushes renewals.
/// Weekdays only, no holidays.
/// </summary>
internal static class OutcomeGoals
{
    public const string Yaml = """
        organization: { name: Test, locale: en }
        teams:
          - { id: sales, name: Sales, time_zone: Asia/Tokyo }
          - { id: support, name: Support, time_zone: Asia/Tokyo }
        people:
          - { id: boss, name: Boss, email: boss@example.com, role: admin, team: support }
          - { id: lead, name: Lead, email: lead@example.com, role: lead, team: sales }
          - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sales }
          - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: sales }
          - { id: helper, name: Helper, email: helper@example.com, role: rep, team: support }
        kgis:
          - { id: revenue, title: Revenue, target: 12000000, unit: JPY, start: 2026-04-01, deadline: 2027-03-31, owner: sales, from: [ { kpi: sales-amount }, { kpi: renewals } ] }
        ksfs:
          - { id: new-business, title: New business, kgi: revenue }
        kpis:
          - { id: meetings, title: Meetings, ksf: new-business, target: 10, unit: meetings, period: month, owner: sales, reported_by: person, report_every: week }
          - { id: sales-amount, title: Sales amount, ksf: new-business, target: 10000000, unit: JPY, period: year, owner: sales, derived_from: [ { node: meetings, rate: 100000 } ], reported_by: lead }
          - { id: renewals, title: Renewals, ksf: new-business, target: 2000000, unit: JPY, period: year, owner: sales, source: api }
          - { id: won, title: Won deals, ksf: new-business, target: 4, unit: deals, period: month, owner: sales, source: reported, reported_by: owner lead@example.com }
        kdis:
          - { id: calls, title: Calls, kpi: meetings, target: 20, unit: calls, conversion_rate: 0.05 }
        """;

    public static readonly GoalsModel Model = Load(Yaml);

    public static GoalsModel Load(string yaml)
    {
        var result = GoalsFileLoader.Load(yaml, "goals.yaml");
        Assert.True(result.Model is not null, string.Join('\n', result.Diagnostics.Select(d => d.Format(Resources.Localized.English))));
        return result.Model!;
    }
}
