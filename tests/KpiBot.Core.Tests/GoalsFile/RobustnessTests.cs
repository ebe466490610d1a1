using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class RobustnessTests
{
    [Fact]
    public void Load_WhenAnyLineOfTheSampleIsRemovedOrCut_NeverThrowsAndKeepsModelAndErrorsApart()
    {
        var lines = GoalsYaml.SampleText().Split('\n');
        var variants = Enumerable.Range(0, lines.Length).SelectMany(i => new[]
        {
            string.Join('\n', lines.Where((_, j) => j != i)),
            string.Join('\n', lines.Take(i).Append(lines[i][..(lines[i].Length / 2)])),
        });

        foreach (var text in variants)
        {
            var result = GoalsFileLoader.Load(text, "cut.yaml");

            Assert.Equal(result.HasErrors, result.Model is null);
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message(Localized.Japanese))));
            Assert.All(result.Diagnostics, d => Assert.InRange(d.Location.Line, 1, lines.Length + 1));
        }
    }
}
