using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class DocsExampleTests
{
    [Fact]
    public void DocsExample_UsesEveryKeyAndValidates()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "goals.md"));
        var example = docs.Split("## Example\n\n```yaml\n")[1].Split("```")[0];

        var result = GoalsFileLoader.Load(example, "example.yaml");

        Assert.False(result.HasErrors, string.Join("\n", result.Errors.Select(e => e.Format(Localized.English))));
        Assert.Equal(
            [DiagnosticCodes.KpiNotAchievable, DiagnosticCodes.KpiNotAchievable, DiagnosticCodes.KdiOverCapacity],
            result.Warnings.Select(w => w.Code));
    }
}
