using KpiBot.Core.CheckIns;
using KpiBot.Core.Digest;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Tests.GoalsFile;
using KpiBot.Core.Views;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;
using static KpiBot.Core.Tests.Rollup.TestGoals;

namespace KpiBot.Core.Tests.Lead;

/// <summary>
/// The week of Monday 2 – Sunday 8 November 2026 (3rd is a holiday: 4 working days 2, 4, 5, 6), built on
/// Thursday the 12th. Reps aoki and baba, 10 calls a day each; the KPI "dials" asks 400 in November (19 working days).
/// aoki answered 30 October and every working day of the week (10 + 12 + 8 + 10 = 40); baba answered the 2nd (5),
/// skipped the 4th, was off the 5th, missed the 6th and has an open blocker.
/// </summary>
public class DigestBuilderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Week = new(2026, 11, 2);
    private static readonly DateTimeOffset Thursday = new(2026, 11, 12, 0, 0, 0, TimeSpan.Zero);

    private static async Task<DigestView> BuildAsync(System.Globalization.CultureInfo culture, DigestNames names = DigestNames.Blockers)
    {
        var model = Model([Kpi("dials", 400m)], [Kdi("calls", "dials", 10m)]);
        model = new GoalsModel(
            model.Organization,
            model.Teams.Select(t => t with { Schedule = CheckInSchedule.Default with { DigestNames = names } }),
            model.People, model.Kgis, model.Ksfs, model.Kpis, model.Kdis);
        var store = new InMemoryCheckIns { Goals = model };
        async Task Record(string person, int month, int day, decimal value) =>
            await store.RecordAsync(new CheckInEntry(person, "calls", new DateOnly(2026, month, day), value), person, Thursday, Ct);
        await Record("aoki", 10, 30, 20m);
        await Record("aoki", 11, 2, 10m);
        await Record("aoki", 11, 4, 12m);
        await Record("aoki", 11, 5, 8m);
        await Record("aoki", 11, 6, 10m);
        await Record("baba", 11, 2, 5m);
        await store.SkipAsync("baba", new DateOnly(2026, 11, 4), "sick", Thursday, Ct);
        await store.AddTimeOffAsync("baba", new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 5), null, Thursday, Ct);
        await store.RaiseAsync("baba", new DateOnly(2026, 11, 6), "no leads left", Thursday, Ct);
        var builder = new DigestBuilder(new RollupService(store), store, store, new FakeTimeProvider(Thursday));
        return await builder.BuildAsync(model, model.TeamsById["tokyo"], Week, culture, Ct);
    }

    private static IReadOnlyList<string> ItemsOf(DigestView view, string heading) => view.Sections.Single(s => s.Heading == heading).Items;

    [Fact]
    public async Task Build_ReportsTheWeeksNumbers_AsComputedByHand()
    {
        var view = await BuildAsync(Localized.English);

        Assert.Equal("Weekly digest — tokyo, 2 – 8 Nov", view.Title);
        Assert.Equal(Week, view.WeekStart);
        Assert.Equal("tokyo", view.TeamId);
        // Targets of the week: aoki 10 × 4 = 40, baba 10 × 3 = 30 (off on the 5th); done 40 + 5 = 45: 64 %.
        Assert.Equal(["calls: 45 calls / 70 calls due by Sun 8 Nov (64 %)", "All KDIs: 64 %"], ItemsOf(view, "KDI completion this week"));
        // Asked: aoki 4, baba 3 (the skip counts, the day off does not); answered 4 + 1 = 5 of 7.
        Assert.Equal(["5 of 7 working days answered (71 %)"], ItemsOf(view, "Participation"));
        // Not answered: baba on the 6th (the 4th was skipped, the 5th off). Names are not the default for it.
        Assert.Equal(["1 (names are not shown in this channel)"], ItemsOf(view, "Not answered this week"));
        // aoki: 6, 5, 4, (3 holiday), 2, (weekend), 30 October = 5; baba missed the 6th = 0, left out.
        // By default the channel sees names only for open blockers.
        Assert.Equal(["streak of 5 working days: 1"], ItemsOf(view, "Longest current streaks"));
        Assert.Equal(["baba (since Fri 6 Nov)"], ItemsOf(view, "Open blockers"));
        // dials: 45 of its 400 this week = 11.25 points; it stands at 11.25 % of November's target.
        Assert.Equal(["dials: +11 pts this week (now 11 %)"], ItemsOf(view, "Moved most this week"));
        // Month as of the 8th: 4 of 19 working days gone, 15 left. dials expects 84.21, needs (400 − 45) ÷ 15;
        // calls asks 190 + 180 = 370 (baba's day off), expects 77.89, needs (370 − 45) ÷ 15; what is needed is rounded up to whole calls.
        Assert.Equal(
            [
                "dials: 45件 / 400件 in November (off-track) — needs 24件 per working day",
                "calls: 45 calls / 370 calls in November (off-track) — needs 22 calls per working day",
            ],
            ItemsOf(view, "At risk"));
        Assert.Equal([GoalKind.Kgi, GoalKind.Kpi], view.Lines.Select(l => l.Kind));
        Assert.DoesNotContain("no leads left", view.Text, StringComparison.Ordinal);   // names only, not notes
    }

    [Fact]
    public async Task Build_NamesPeopleAsTheTeamSetting_Says()
    {
        var all = await BuildAsync(Localized.English, DigestNames.All);
        var none = await BuildAsync(Localized.English, DigestNames.None);

        Assert.Equal(["aoki: 5-day streak"], ItemsOf(all, "Longest current streaks"));
        Assert.Equal(["baba (since Fri 6 Nov)"], ItemsOf(all, "Open blockers"));
        Assert.Equal(["streak of 5 working days: 1"], ItemsOf(none, "Longest current streaks"));
        Assert.Equal(["1 open (names are not shown in this channel)"], ItemsOf(none, "Open blockers"));
        Assert.Equal(["baba: Fri 6 Nov"], ItemsOf(all, "Not answered this week"));
        Assert.Equal(["1 (names are not shown in this channel)"], ItemsOf(none, "Not answered this week"));
        Assert.DoesNotContain("baba", none.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("aoki", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_InJapanese_WritesJapanese()
    {
        var view = await BuildAsync(Localized.Japanese);

        Assert.Equal("週次ダイジェスト — tokyo（11月2日〜8日）", view.Title);
        Assert.Equal(["稼働日 7日中 5日回答（71 %）"], ItemsOf(view, "回答率"));
        Assert.Equal(["5日連続: 1人"], ItemsOf(view, "連続回答日数"));
        Assert.Equal(["calls: 11月8日（日）までの目標 70 calls に対し 45 calls（64 %）", "KDI全体: 64 %"], ItemsOf(view, "今週のKDI達成率"));
        Assert.Equal(["dials: 今週 +11ポイント（現在 11 %）"], ItemsOf(view, "今週大きく動いたKPI"));
    }

    [Fact]
    public async Task Build_ForTheSampleSalesTeam_StaysShort()
    {
        var model = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;
        var store = new InMemoryCheckIns { Goals = model };
        var builder = new DigestBuilder(new RollupService(store), store, store, new FakeTimeProvider(Thursday));

        var view = await builder.BuildAsync(model, model.TeamsById["sales"], Week, Localized.Japanese, Ct);

        var lines = view.Text.Split('\n');
        Assert.InRange(lines.Length, 10, 45);
        Assert.Contains(lines, l => l.StartsWith("年間売上1億円: 累計（期限 2027年3月31日） ¥0 / ¥100,000,000", StringComparison.Ordinal));
        Assert.Equal(["稼働日 12日中 0日回答（0 %）"], ItemsOf(view, "回答率"));     // 3 reps × 4 working days
    }

    [Fact]
    public async Task Build_AWeeklyAnswer_AnswersTheWeek_NotItsFirstDay_AndTheDigestSaysWhoHasNotAnswered()
    {
        var model = Model([Kpi("dials", 400m)], [Kdi("calls", "dials", 10m), Kdi("visits", "dials", 2m, KdiCadence.Weekly, unit: "visits")]);
        model = new GoalsModel(
            model.Organization,
            model.Teams.Select(t => t with { Schedule = CheckInSchedule.Default with { DigestNames = DigestNames.All } }),
            model.People, model.Kgis, model.Ksfs, model.Kpis, model.Kdis);
        var store = new InMemoryCheckIns { Goals = model };
        // aoki answers the weekly card (kept on Monday the 2nd) and the daily one on the 4th only; baba nothing.
        await store.RecordAsync(new CheckInEntry("aoki", "visits", Week, 2m), "aoki", Thursday, Ct);
        await store.RecordAsync(new CheckInEntry("aoki", "calls", new DateOnly(2026, 11, 4), 10m), "aoki", Thursday, Ct);
        var builder = new DigestBuilder(new RollupService(store), store, store, new FakeTimeProvider(Thursday));

        var view = await builder.BuildAsync(model, model.TeamsById["tokyo"], Week, Localized.English, Ct);

        // 2 reps × 4 working days (2, 4, 5, 6; the 3rd is a holiday) asked; only aoki's 4th was answered.
        Assert.Equal(["1 of 8 working days answered (13 %)"], ItemsOf(view, "Participation"));
        Assert.Equal(
            ["aoki: Mon 2 Nov, Thu 5 Nov, Fri 6 Nov", "baba: Mon 2 Nov, Wed 4 Nov, Thu 5 Nov, Fri 6 Nov"],
            ItemsOf(view, "Not answered this week"));
        var japanese = await builder.BuildAsync(model, model.TeamsById["tokyo"], Week, Localized.Japanese, Ct);
        Assert.Equal("aoki：11月2日（月）、11月5日（木）、11月6日（金）", ItemsOf(japanese, "今週の未回答")[0]);
    }
}
