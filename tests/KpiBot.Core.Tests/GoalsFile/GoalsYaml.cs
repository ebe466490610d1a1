using KpiBot.Core.GoalsFile;

namespace KpiBot.Core.Tests.GoalsFile;

/// <summary>A small valid goals file with known line numbers, and ways to break it one line at a time.</summary>
internal static class GoalsYaml
{
    // Line numbers are written next to the lines the tests point at.
    public const string Valid = """
        organization:
          name: Test
        teams:
          - id: sales
            name: Sales
            time_zone: Asia/Tokyo
            holidays: { country: JP }
        people:
          - { id: rep-1, name: Rep One, email: rep1@example.com, role: rep, team: sales }
          - { id: rep-2, name: Rep Two, email: rep2@example.com, role: rep, team: sales }
        kgis:
          - id: revenue
            title: Revenue
            target: 1000000
            unit: JPY
            start: 2027-04-01
            deadline: 2028-03-31
            owner: sales
            from: [ { kpi: sales-amount } ]
        ksfs:
          - { id: new-business, title: New business, kgi: revenue }
        kpis:
          - id: sales-amount
            title: Sales amount
            ksf: new-business
            target: 1000000
            unit: JPY
            period: year
            owner: sales
            source: reported
          - id: meetings
            title: Meetings
            ksf: new-business
            target: 10
            unit: meetings
            period: month
            owner: sales
        kdis:
          - id: calls
            title: Calls
            kpi: meetings
            target: 20
            unit: calls
            conversion_rate: 0.05
        """;

    /// <summary>The valid file with one exact line replaced (the line must occur once).</summary>
    public static string With(string line, string replacement) => With(Valid, line, replacement);

    public static string With(string text, string line, string replacement)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(l => l == line);
        Assert.True(index >= 0, $"No line '{line}' in the test file.");
        Assert.Equal(index, lines.FindLastIndex(l => l == line));
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    public static GoalsLoadResult Load(string text) => GoalsFileLoader.Load(text, "goals.yaml");

    public static string SampleText() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "goals.yaml"));

    /// <summary>Error codes with their lines, in the order reported.</summary>
    public static IReadOnlyList<(string Code, int Line)> Errors(GoalsLoadResult result) =>
        result.Errors.Select(d => (d.Code, d.Location.Line)).ToList();
}
