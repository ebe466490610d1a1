using System.Globalization;
using System.Text;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// Builds the <c>me</c> view from the rollup of the person's own totals (fetched for them alone): this
/// week's figures and the month's needed rate per KDI (targets less their time off), today's values, and
/// the streak from the day history.
/// </summary>
internal sealed class PersonalProgress(ICheckInRepository checkIns, ICheckInTotals totals, IDayStore days)
{
    private const int StreakHorizonDays = 90;

    public async Task<PersonalProgressView?> BuildAsync(CommandContext context, CancellationToken ct)
    {
        var (model, person, culture, today) = (context.Model, context.Person, context.Culture, context.Today);
        var kdis = model.Kdis.Where(k => k.TeamId == person.TeamId && CardKdis.IsActive(model, k, CardKdis.CardDay(model, person, k.Cadence, today))).ToList();
        if (kdis.Count == 0)
        {
            return null;
        }

        var weekStart = CardKdis.CardDay(model, person, KdiCadence.Weekly, today);
        var from = new[] { weekStart, new DateOnly(today.Year, today.Month, 1) }.Min();
        var to = new[] { weekStart.AddDays(6), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1) }.Max();
        var timeOff = await days.TimeOffAsync([person.Id], from, to, ct).ConfigureAwait(false);
        var week = await RollupAsync(model, new RollupRequest(today, person.TeamId, PeriodKind.Week, timeOff), person.Id, ct).ConfigureAwait(false);
        var month = await RollupAsync(model, new RollupRequest(today, person.TeamId, PeriodKind.Month, timeOff), person.Id, ct).ConfigureAwait(false);
        var todays = (await checkIns.GetDayAsync(person.Id, today, ct).ConfigureAwait(false)).ToDictionary(e => e.NodeId, e => e.Value, StringComparer.Ordinal);
        var streak = await StreakAsync(context, ct).ConfigureAwait(false);

        var lines = new List<ProgressLine>();
        var todayItems = new List<string>();
        var weekItems = new List<string>();
        var neededItems = new List<string>();
        foreach (var kdi in kdis)
        {
            var figures = week.Find(kdi.Id)?.People.GetValueOrDefault(person.Id);
            string? todayText = null;
            if (kdi.Cadence == KdiCadence.Daily)
            {
                todayText = Figures(todays.GetValueOrDefault(kdi.Id), CardKdis.PersonTarget(model, kdi), kdi, culture);
                todayItems.Add(Item(kdi.Title, todayText, culture));
            }

            if (figures is not null)
            {
                var weekText = Figures(figures.Actual, figures.Target, kdi, culture);
                var percentText = figures.ProgressPercent is { } percent
                    ? Texts.Format(nameof(ConversationText.Me_Percent), culture, QuantityFormatter.Number(Math.Round(percent, 0, MidpointRounding.AwayFromZero), culture, "#,0"))
                    : string.Empty;
                weekItems.Add(Item(kdi.Title, weekText + percentText, culture));
                // A line stands alone on a card, away from the section headings: it says its period itself.
                var lineText = PeriodLabels.Figures(week.Find(kdi.Id)!, figures.Actual, figures.Target, culture) + percentText;
                lines.Add(new ProgressLine(0, GoalKind.Kdi, kdi.Id, kdi.Title, lineText, figures.Fraction, figures.Status, StatusText.For(figures.Status, culture), todayText));
            }

            if (month.Find(kdi.Id)?.People.GetValueOrDefault(person.Id) is { } monthFigures)
            {
                var needed = monthFigures.NeededPerWorkingDay is { } n
                    ? QuantityFormatter.Format(n, kdi, culture, QuantityRounding.Up)
                    : Texts.Get(nameof(ConversationText.Me_NoDaysLeft), culture);
                neededItems.Add(Item(kdi.Title, needed, culture));
            }
        }

        var sections = new List<ViewSection>();
        AddSection(sections, nameof(ConversationText.Me_Today), todayItems, culture);
        AddSection(sections, nameof(ConversationText.Me_Week), weekItems, culture);
        AddSection(sections, nameof(ConversationText.Me_StreakHeading), [Texts.Format(nameof(ConversationText.Me_Streak), culture, streak)], culture);
        AddSection(sections, nameof(ConversationText.Me_Needed), neededItems, culture);
        var title = Texts.Format(nameof(ConversationText.Me_Title), culture, person.DisplayName, today);
        return new PersonalProgressView(PlainText(title, sections), title, lines, sections);
    }

    /// <summary>Answered working days in a row up to today; days off and non-working days are passed over, and today may still be open.</summary>
    private async Task<int> StreakAsync(CommandContext context, CancellationToken ct)
    {
        var (person, today) = (context.Person, context.Today);
        var from = today.AddDays(-(StreakHorizonDays - 1));
        var history = (await days.HistoryAsync([person.Id], from, today, ct).ConfigureAwait(false))
            .Where(d => d.PersonId == person.Id)
            .ToDictionary(d => d.Day, d => d.State);
        var calendar = context.Model.TeamsById.TryGetValue(person.TeamId, out var team) ? WorkCalendar.For(team) : WorkCalendar.Weekdays;
        var streak = 0;
        for (var day = today; day >= from; day = day.AddDays(-1))
        {
            var state = history.GetValueOrDefault(day, DayState.None);
            var working = calendar.IsWorkingDay(day);
            if (state == DayState.Answered)
            {
                streak += working ? 1 : 0;
                continue;
            }

            if (!working || state == DayState.Off || (day == today && state == DayState.None))
            {
                continue;
            }

            break;
        }

        return streak;
    }

    private async Task<RollupReport> RollupAsync(GoalsModel model, RollupRequest request, string personId, CancellationToken ct)
    {
        var actuals = new RollupActuals();
        foreach (var query in RollupCalculator.Plan(model, request).Queries)
        {
            actuals.Add(query.Window, await totals.GetTotalsAsync(query.Window, query.NodeIds, [personId], ct).ConfigureAwait(false));
        }

        return RollupCalculator.Compute(model, request, actuals);
    }

    private static string Figures(decimal actual, decimal target, Kdi kdi, CultureInfo culture) =>
        Texts.Format(nameof(ConversationText.Me_Figures), culture,
            QuantityFormatter.Bare(actual, Units.Of(kdi, culture), culture), QuantityFormatter.Format(target, kdi, culture));

    private static string Item(string title, string text, CultureInfo culture) =>
        Texts.Format(nameof(ConversationText.Me_Item), culture, title, text);

    private static void AddSection(List<ViewSection> sections, string headingKey, IReadOnlyList<string> items, CultureInfo culture)
    {
        if (items.Count > 0)
        {
            sections.Add(new ViewSection(Texts.Get(headingKey, culture), items));
        }
    }

    private static string PlainText(string title, IReadOnlyList<ViewSection> sections)
    {
        var text = new StringBuilder(title);
        foreach (var section in sections)
        {
            text.Append("\n\n").Append(section.Heading);
            foreach (var item in section.Items)
            {
                text.Append("\n• ").Append(item);
            }
        }

        return text.ToString();
    }
}
