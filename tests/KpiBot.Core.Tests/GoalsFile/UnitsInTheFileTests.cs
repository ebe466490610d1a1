using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

public class UnitsInTheFileTests
{
    [Fact]
    public void Load_AUnitPerLanguage_KeepsEachName_AndTheFirstAsTheUnit()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    unit: calls", "    unit: { en: calls, ja: 件 }"));

        Assert.False(result.HasErrors);
        var calls = (Kdi)result.Model!.NodesById["calls"];
        Assert.Equal("calls", calls.Unit);
        Assert.Equal(new Dictionary<string, string> { ["en"] = "calls", ["ja"] = "件" }, calls.UnitNames);
    }

    [Fact]
    public void Load_APlainUnit_IsUsedInEveryLanguage()
    {
        var calls = (Kdi)GoalsYaml.Load(GoalsYaml.Valid).Model!.NodesById["calls"];

        Assert.Equal("calls", calls.Unit);
        Assert.Null(calls.UnitNames);
        Assert.Null(calls.Whole);
    }

    [Fact]
    public void Load_AUnitInALanguageWeDoNotSpeak_IsAnErrorNamingTheLanguagesWeDo()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    unit: calls", "    unit: { en: calls, fr: appels }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Contains("fr", error.Message(Localized.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnEmptyUnitMapping_IsAMissingUnit()
    {
        var result = GoalsYaml.Load(GoalsYaml.With("    unit: calls", "    unit: {}"));

        Assert.Contains(result.Errors, e => e.Code == DiagnosticCodes.MissingKey);
    }

    [Fact]
    public void Load_Whole_IsTrueOrFalse()
    {
        var model = GoalsYaml.Load(GoalsYaml.With("    unit: calls", "    unit: calls\n    whole: false")).Model!;
        Assert.False(((Kdi)model.NodesById["calls"]).Whole);

        var result = GoalsYaml.Load(GoalsYaml.With("    unit: calls", "    unit: calls\n    whole: sometimes"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.BadEnum, error.Code);
    }
}
