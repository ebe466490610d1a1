using System.Text;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

/// <summary>The limits on a goals file (GoalsFileLimits): size and encoding before parsing, counts right after, each with its line.</summary>
public class InputLimitTests
{
    [Fact]
    public void Load_AFileOverTheSizeLimit_IsRefusedAtLineOneWithoutParsing()
    {
        // Not YAML at all: parsing it would give a syntax error, so the size error proves nothing was parsed.
        var bytes = new byte[GoalsFileLimits.MaxBytes + 1];
        Array.Fill(bytes, (byte)'[');

        var result = GoalsFileLoader.Load(bytes, "huge.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
        Assert.Equal(1, error.Location.Line);
        Assert.Null(result.Model);
        Assert.StartsWith("huge.yaml:1: error KPB030: The file is 10.1 MB, more than the 10 MB a goals file may have (room for about 100,000 people)", error.Format(Localized.English), StringComparison.Ordinal);
        Assert.Contains("目標ファイルの上限 10 MB", error.Format(Localized.Japanese), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AFileOfExactlyTheLimit_IsParsed()
    {
        var text = GoalsYaml.Valid + "\n#" + new string('x', GoalsFileLimits.MaxBytes);
        var bytes = Encoding.UTF8.GetBytes(text)[..GoalsFileLimits.MaxBytes];

        var result = GoalsFileLoader.Load(bytes, "full.yaml");

        Assert.False(result.HasErrors, string.Join('\n', result.Errors));
    }

    [Theory]
    [InlineData(new byte[] { 0xE9 }, 0xE9)]                    // Latin-1 é
    [InlineData(new byte[] { 0x82, 0xA0 }, 0x82)]              // Shift_JIS あ
    [InlineData(new byte[] { 0xE3, 0x81 }, 0xE3)]              // a cut UTF-8 sequence
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0xED)]        // an encoded surrogate
    public void Load_BytesThatAreNotUtf8_AreRefusedWithTheirLine(byte[] bad, int first)
    {
        var bytes = Encoding.UTF8.GetBytes("organization:\n  name: Caf").Concat(bad).Concat(Encoding.UTF8.GetBytes("\nteams: []\n")).ToArray();

        var result = GoalsFileLoader.Load(bytes, "latin1.yaml");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NotUtf8, error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Null(result.Model);
        Assert.Contains($"0x{first:X2}", error.Format(Localized.English), StringComparison.Ordinal);
        Assert.Contains("UTF-8 で保存し直してください", error.Format(Localized.Japanese), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf8WithAByteOrderMark_IsRead()
    {
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes(GoalsYaml.Valid)).ToArray();

        Assert.False(GoalsFileLoader.Load(bytes, "bom.yaml").HasErrors);
    }

    [Fact]
    public void Load_MoreTeamsThanTheLimit_IsRefusedAtTheFirstTeamOver()
    {
        var yaml = new StringBuilder("organization:\n  name: Many\nteams:\n");
        for (var i = 0; i <= GoalsFileLimits.MaxTeams; i++)
        {
            yaml.Append("  - { id: t").Append(i).Append(", name: T, time_zone: UTC }\n");
        }

        yaml.Append("people: []\n");

        var result = GoalsFileLoader.Load(yaml.ToString(), "teams.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.TooMany, error.Code);
        Assert.Equal(4 + GoalsFileLimits.MaxTeams, error.Location.Line);
        Assert.Contains("5,001 teams; a goals file may list at most 5,000", error.Format(Localized.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MoreGoalsThanTheLimit_IsRefusedBeforeReferencesAreChecked()
    {
        // Every KSF names a KGI that does not exist: had references been checked, there would be 20,001 more errors.
        var yaml = new StringBuilder("organization:\n  name: Many\nteams: [ { id: t, name: T, time_zone: UTC } ]\npeople: []\nksfs:\n");
        for (var i = 0; i <= GoalsFileLimits.MaxGoals; i++)
        {
            yaml.Append("  - { id: k").Append(i).Append(", title: K, kgi: none }\n");
        }

        var result = GoalsFileLoader.Load(yaml.ToString(), "goals.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.TooMany, error.Code);
        Assert.Contains("20,001 goals", error.Format(Localized.English), StringComparison.Ordinal);
        Assert.Contains("20,001 件", error.Format(Localized.Japanese), StringComparison.Ordinal);
    }
}
