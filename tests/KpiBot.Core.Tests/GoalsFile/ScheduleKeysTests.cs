using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Tests.GoalsFile;

/// <summary>A team's <c>checkin:</c> and <c>digest:</c> keys, added after line 7 of <see cref="GoalsYaml.Valid"/>.</summary>
public class ScheduleKeysTests
{
    private const string Holidays = "    holidays: { country: JP }";

    [Fact]
    public void Load_WithoutScheduleKeys_TeamUsesTheDefaults()
    {
        var team = LoadTeam(GoalsYaml.Valid);

        Assert.Null(team.Schedule);
        Assert.Equal(
            new CheckInSchedule(new(17, 30), DayOfWeek.Friday, new(16, 0), TimeSpan.FromHours(2), TimeSpan.FromHours(4), DayOfWeek.Monday, new(9, 0), DigestNames.Blockers),
            team.ScheduleOrDefault);
    }

    [Fact]
    public void Load_WithEveryKey_ReadsThem()
    {
        var team = LoadTeam(WithSchedule("""
                checkin:
                  daily_at: "18:15"
                  weekly: { day: thursday, at: "9:05" }
                  reminder_after: 1h30m
                  catch_up: 90m
                digest: { day: sunday, at: "20:00", names: all }
            """));

        Assert.Equal(
            new CheckInSchedule(new(18, 15), DayOfWeek.Thursday, new(9, 5), TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(90), DayOfWeek.Sunday, new(20, 0), DigestNames.All),
            team.Schedule);
    }

    [Fact]
    public void Load_WithSomeKeysAndAnUnquotedTime_KeepsTheDefaultsForTheRest()
    {
        var team = LoadTeam(WithSchedule("""
                checkin: { daily_at: 08:00, reminder_after: none }
                digest: { names: none }
            """));

        Assert.Equal(
            CheckInSchedule.Default with { DailyAt = new(8, 0), ReminderAfter = null, DigestNames = DigestNames.None },
            team.Schedule);
    }

    [Fact]
    public void Load_ReminderLongerThanCatchUp_IsAccepted()
    {
        var team = LoadTeam(WithSchedule("    checkin: { reminder_after: 6h, catch_up: 1h }"));

        Assert.Equal((TimeSpan.FromHours(6), TimeSpan.FromHours(1)), (team.Schedule!.ReminderAfter, team.Schedule.CatchUp));
    }

    [Theory]
    [InlineData("    checkin: { daily_at: \"25:00\" }", DiagnosticCodes.BadTime, 8)]
    [InlineData("    checkin: { daily_at: \"17:60\" }", DiagnosticCodes.BadTime, 8)]
    [InlineData("    checkin: { daily_at: 1730 }", DiagnosticCodes.BadTime, 8)]
    [InlineData("    checkin:\n      weekly:\n        at: 4pm", DiagnosticCodes.BadTime, 10)]
    [InlineData("    digest: { at: \"9\" }", DiagnosticCodes.BadTime, 8)]
    [InlineData("    checkin:\n      reminder_after: 2 hours", DiagnosticCodes.BadDuration, 9)]
    [InlineData("    checkin: { reminder_after: 1h90m }", DiagnosticCodes.BadDuration, 8)]
    [InlineData("    checkin: { catch_up: -1h }", DiagnosticCodes.BadDuration, 8)]
    [InlineData("    checkin: { catch_up: 0m }", DiagnosticCodes.NotPositive, 8)]
    [InlineData("    checkin: { reminder_after: 0h }", DiagnosticCodes.NotPositive, 8)]
    [InlineData("    checkin: { catch_up: 25h }", DiagnosticCodes.OutOfRange, 8)]
    [InlineData("    checkin: { weekly: { day: fryday } }", DiagnosticCodes.BadEnum, 8)]
    [InlineData("    digest:\n      names: some", DiagnosticCodes.BadEnum, 9)]
    [InlineData("    checkin:\n      daily: \"17:30\"", DiagnosticCodes.UnknownKey, 9)]
    [InlineData("    checkin: daily", DiagnosticCodes.WrongShape, 8)]
    public void Load_WhenAScheduleValueIsWrong_ReportsOneErrorAtItsLine(string lines, string code, int line)
    {
        var result = GoalsYaml.Load(WithSchedule(lines));

        Assert.Equal([(code, line)], GoalsYaml.Errors(result));
    }

    [Fact]
    public void Load_WhenTimeIsWrong_SaysHowToWriteItInBothLanguages()
    {
        var error = Assert.Single(GoalsYaml.Load(WithSchedule("    checkin: { daily_at: \"25:00\" }")).Errors);

        Assert.Equal("'25:00' is not a valid time for 'daily_at'; write it as HH:mm from 00:00 to 23:59, e.g. \"17:30\".", error.Message(Localized.English));
        Assert.Equal("「daily_at」の「25:00」は正しい時刻ではありません。00:00 から 23:59 の HH:mm の形で書いてください（例: \"17:30\"）。", error.Message(Localized.Japanese));
    }

    [Fact]
    public void Load_WhenDayIsMisspelt_SuggestsTheClosestDay()
    {
        var error = Assert.Single(GoalsYaml.Load(WithSchedule("    digest: { day: mondy }")).Errors);

        Assert.Equal("monday", error.Suggestion);
    }

    [Theory]
    [InlineData("2h", 120)]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("0h", 0)]
    [InlineData("24h", 1440)]
    public void ParseDuration_HoursAndMinutes_AreRead(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ScheduleSection.ParseDuration(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("2")]
    [InlineData("30m1h")]
    [InlineData("1.5h")]
    [InlineData("2H")]
    [InlineData("1h 30m")]
    [InlineData("PT2H")]
    public void ParseDuration_AnythingElse_IsNull(string text)
    {
        Assert.Null(ScheduleSection.ParseDuration(text));
    }

    [Fact]
    public void Sample_HasASchedulePerTeam()
    {
        var model = GoalsYaml.Load(GoalsYaml.SampleText()).Model!;

        Assert.Equal(CheckInSchedule.Default, model.TeamsById["sales"].Schedule);
        Assert.Equal(
            CheckInSchedule.Default with { DailyAt = new(18, 0), ReminderAfter = TimeSpan.FromMinutes(90), DigestAt = new(9, 30), DigestNames = DigestNames.None },
            model.TeamsById["telemarketing"].Schedule);
    }

    private static string WithSchedule(string lines) => GoalsYaml.With(Holidays, Holidays + "\n" + lines.TrimEnd());

    private static Team LoadTeam(string text)
    {
        var result = GoalsYaml.Load(text);
        Assert.False(result.HasErrors, string.Join("\n", result.Errors.Select(e => e.Format(Localized.English))));
        return result.Model!.TeamsById["sales"];
    }

    [Fact]
    public void Load_ResponseWindow_IsReadAndChecked()
    {
        Assert.Equal(3, LoadTeam(GoalsYaml.Valid).ScheduleOrDefault.ResponseWindow);
        Assert.Equal(5, LoadTeam(WithSchedule("    checkin: { response_window: 5 }")).Schedule!.ResponseWindow);
        Assert.Equal(0, LoadTeam(WithSchedule("    checkin: { response_window: 0 }")).Schedule!.ResponseWindow);

        var result = GoalsYaml.Load(WithSchedule("    checkin: { response_window: 61 }"));
        Assert.Contains(result.Errors, e => e.Code == "KPB020");
    }
}
