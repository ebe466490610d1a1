using KpiBot.Core.Conversations;
using Xunit;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;

namespace KpiBot.Testing.Engine;

/// <summary>
/// A full week of the sample's sales team (Tokyo; Emily works from New York) through the whole engine:
/// prompts at the right local times, answers on time, late, edited and skipped, time off, reminders only for
/// the silent, a lead's status, and one digest per week in the linked channel, checked against hand sums.
/// </summary>
public static class WeekScenario
{
    /// <summary>Where the scenario starts: Sunday 2026-11-29 12:00Z.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Mon = new(2026, 11, 30);
    private static readonly DateOnly[] Week = [Mon, Mon.AddDays(1), Mon.AddDays(2), Mon.AddDays(3), Mon.AddDays(4)];

    private static DateTimeOffset Utc(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static Dictionary<string, string?> Daily(int calls, int emails) => new() { ["daily-calls"] = $"{calls}", ["intro-emails"] = $"{emails}" };

    /// <summary>Runs the week on <paramref name="world"/> (started at <see cref="Start"/>) and checks everything a person would.</summary>
    public static async Task RunAsync(IEngineDriver world)
    {

        // Sunday: the admin links the team channel; Emily takes Thursday off.
        await world.SayAsync("yamamoto", "link sales", EngineAddresses.SalesChannel);
        await world.SayAsync("emily", "off 2026-12-03");

        // Suzuki answers Monday's card late, on Tuesday morning in Tokyo (Tue 00:00Z = 09:00 JST).
        var plan = new List<(DateTimeOffset At, Func<Task> Act)>
        {
            (Utc(Mon.AddDays(1), 0), () => world.AnswerAsync("suzuki", world.CardSentTo("suzuki", Mon), Daily(18, 2))),
        };
        foreach (var day in Week)
        {
            // Tanaka answers every card five minutes after the 17:30 JST (08:30Z) prompt.
            plan.Add((Utc(day, 8, 35), () => world.AnswerAsync("tanaka", world.CardSentTo("tanaka", day), Daily(22, 3))));
            if (day > Mon && day < Week[4])
            {
                plan.Add((Utc(day, 8, 40), () => world.AnswerAsync("suzuki", world.CardSentTo("suzuki", day), Daily(18, 2))));
            }

            // Emily's prompt is at 17:30 in New York (22:30Z); she skips Tuesday and is off Thursday.
            if (day == Week[1])
            {
                plan.Add((Utc(day, 22, 35), () => world.AnswerAsync("emily", world.CardSentTo("emily", day), Daily(0, 0), CardAction.Skip, "client visit")));
            }
            else if (day != Week[3])
            {
                plan.Add((Utc(day, 22, 35), () => world.AnswerAsync("emily", world.CardSentTo("emily", day), Daily(20, 3))));
            }
        }

        // Wednesday evening Tanaka corrects his calls from 22 to 25 through `edit`.
        plan.Add((Utc(Week[2], 9), async () =>
        {
            var card = (await world.SayAsync("tanaka", "edit")).Replies.Select(r => r.View).OfType<CheckInPromptView>().Single(c => c.Cadence == KdiCadence.Daily);
            await world.AnswerAsync("tanaka", card, Daily(25, 3));
        }));

        // Friday: the weekly card at 16:00 JST (07:00Z); only Tanaka answers it.
        plan.Add((Utc(Week[4], 7, 5), () => world.AnswerAsync(
            "tanaka", world.CardSentTo("tanaka", Mon, KdiCadence.Weekly), new Dictionary<string, string?> { ["sns-posts"] = "2", ["follow-up-emails"] = "5" })));

        ChatReply? status = null;
        plan.Add((Utc(Week[4], 11), async () => status = await world.SayAsync("sato", "status")));

        foreach (var (at, act) in plan.OrderBy(p => p.At))
        {
            await world.RunUntilAsync(at);
            await act();
        }

        await world.RunUntilAsync(Utc(Mon.AddDays(7), 1));

        // Prompts: one a working day each, at 17:30 local (Tokyo 08:30Z, New York 22:30Z); none on Emily's day off.
        var prompts = world.Log.Where(l => l.Message.View is CheckInPromptView { Cadence: KdiCadence.Daily }).ToList();
        Assert.Equal(Week.Select(d => Utc(d, 8, 30)), prompts.Where(p => p.Message.PersonId == "tanaka").Select(p => p.At));
        Assert.Equal(Week.Select(d => Utc(d, 8, 30)), prompts.Where(p => p.Message.PersonId == "suzuki").Select(p => p.At));
        Assert.Equal(new[] { Week[0], Week[1], Week[2], Week[4] }.Select(d => Utc(d, 22, 30)), prompts.Where(p => p.Message.PersonId == "emily").Select(p => p.At));
        Assert.DoesNotContain(world.Log, l => l.Message.PersonId is "yamamoto"
            || (l.Message.PersonId is "sato" && l.Message.View is not ReportFormView));

        // Reported outcomes asked for on their cadence, with the report form, and reminded two hours later (nobody
        // reports them here): the lead for November's sales on Monday 30th, its last working day, at 16:00 JST;
        // each rep for the week's meetings on Friday at 16:00 in their own zone.
        var asks = world.Log.Where(l => l.Message.View is ReportFormView).Select(l => (l.Message.PersonId!, l.At)).ToList();
        Assert.Equal(
            [
                ("sato", Utc(Mon, 7)), ("sato", Utc(Mon, 9)),
                ("suzuki", Utc(Week[4], 7)), ("tanaka", Utc(Week[4], 7)), ("suzuki", Utc(Week[4], 9)), ("tanaka", Utc(Week[4], 9)),
                ("emily", Utc(Week[4], 21)), ("emily", Utc(Week[4], 23)),
            ],
            asks.OrderBy(a => a.At).ThenBy(a => a.Item1, StringComparer.Ordinal));

        // Weekly cards on Friday at 16:00 local.
        var weekly = world.Log.Where(l => l.Message.View is CheckInPromptView { Cadence: KdiCadence.Weekly }).ToList();
        Assert.Equal(
            [("tanaka", Utc(Week[4], 7)), ("suzuki", Utc(Week[4], 7)), ("emily", Utc(Week[4], 21))],
            weekly.Select(w => (w.Message.PersonId!, w.At)).OrderBy(w => w.At).ThenBy(w => w.Item1 == "suzuki"));

        // Reminders two hours later, only for cards still unanswered: Suzuki on Monday and Friday (daily) and
        // Friday (weekly), Emily's weekly card; nobody who answered, skipped or was off.
        var reminders = world.Log.Where(l => l.Message.View is ReminderView)
            .Select(l => (l.Message.PersonId!, ((ReminderView)l.Message.View).Prompt.Cadence, l.At)).ToList();
        Assert.Equal(
            [
                ("suzuki", KdiCadence.Daily, Utc(Mon, 10, 30)),
                ("suzuki", KdiCadence.Weekly, Utc(Week[4], 9)),
                ("suzuki", KdiCadence.Daily, Utc(Week[4], 10, 30)),
                ("emily", KdiCadence.Weekly, Utc(Week[4], 23)),
            ],
            reminders);

        // Answers: the late one counts for Monday, the edit replaced Wednesday's value, the skip recorded nothing.
        async Task<CheckInEntry?> EntryAsync(string person, DateOnly day) =>
            (await world.EntriesAsync(person, day)).SingleOrDefault(e => e.NodeId == "daily-calls");
        Assert.Equal(18m, (await EntryAsync("suzuki", Mon))?.Value);
        Assert.Equal(25m, (await EntryAsync("tanaka", Week[2]))?.Value);
        Assert.Equal(2, (await EntryAsync("tanaka", Week[2]))?.Revision);
        Assert.Null(await EntryAsync("emily", Week[1]));
        Assert.Null(await EntryAsync("suzuki", Week[4]));

        // The lead's status on Friday 20:00 JST: Suzuki has not answered today; Emily's day in New York has
        // just begun and she has not answered yet either.
        var statusView = Assert.IsType<StatusView>(Assert.Single(status!.Replies).View);
        // Calls in December so far: Tanaka 22 + 25 + 22 + 22, Suzuki 18 × 3, Emily 20 (Wednesday) = 165; the month
        // asks 20 a day × (3 reps × 20 working days — 23 weekdays less the 29th–31st closing — less Emily's day off) = 1,180.
        Assert.Equal("12月 165件 / 1,180件", statusView.Lines.Single(l => l.NodeId == "daily-calls").FiguresText);
        Assert.Contains("鈴木 美咲", statusView.Text, StringComparison.Ordinal);
        Assert.Contains("Emily Carter", statusView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("田中 健太", string.Join("\n", statusView.Sections.SelectMany(s => s.Items)), StringComparison.Ordinal);

        // One digest per week in the linked channel: Monday 09:00 JST (00:00Z) for the week before.
        var digests = world.Log.Where(l => l.Message.View is DigestView).ToList();
        Assert.Equal([Utc(Mon, 0), Utc(Mon.AddDays(7), 0)], digests.Select(d => d.At));
        Assert.All(digests, d => Assert.Equal(EngineAddresses.SalesChannel, d.Message.Conversation));
        var digest = (DigestView)digests[1].Message.View;
        Assert.Equal(Mon, digest.WeekStart);

        // Participation: asked 5 (Tanaka) + 5 (Suzuki) + 4 (Emily, Thursday off) = 14 working days; answered
        // 5 + 4 (Friday missed) + 3 (Tuesday skipped: asked, not answered) = 12.
        var participation = digest.Sections.Single(s => s.Heading is "回答率" or "Participation");
        Assert.Equal(["稼働日 14日中 12日回答（86 %）"], participation.Items);
        // Calls: Tanaka 22 × 4 + 25 = 113, Suzuki 18 × 4 = 72, Emily 20 × 3 = 60 → 245 of 20 × 14 = 280.
        Assert.Contains(digest.Sections.SelectMany(s => s.Items), i => i.Contains("245", StringComparison.Ordinal) && i.Contains("280", StringComparison.Ordinal));
    }
}
