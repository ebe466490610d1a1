using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// <c>report &lt;goal&gt; &lt;amount&gt; [date] [note]</c>: records a result of a reported KGI or KPI
/// (<c>report new-sales 1,200,000 2026-12-04</c>; ¥, separators, 万 and 億 as people write them), with the same
/// rules, history and receipt as every other path, then shows how the goal and its KGI stand now.
/// The goal is an id, a title, or a word that names one goal the person may report.
/// </summary>
public sealed class ReportCommand(OutcomeService outcomes, RollupService rollup) : ICommandHandler
{
    private readonly ReportForms _forms = new(outcomes, rollup);

    public string Name => "report";

    public IReadOnlyList<string> Aliases { get; } = ["実績", "売上"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) =>
        new(Text(nameof(OutcomeText.Help_Report_Usage), culture), Text(nameof(OutcomeText.Help_Report), culture));

    /// <summary>
    /// <c>report</c> alone shows the form (text where no form can be shown), <c>report &lt;goal&gt;</c> the form with
    /// that goal chosen; with an amount it records.
    /// </summary>
    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        var mine = ReportForms.Reportable(context);
        var words = CommandLine.Normalize(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var confirmed = ReportForms.TakeConfirm(words);
        if (words.Count == 0)
        {
            return ChatReply.Say(ReportForms.Form(context, null));
        }

        if (Find(context.Model, mine, words[0]) is not { } node)
        {
            return Error(Ambiguity(context.Model, mine, words[0], culture));
        }

        if (words.Count == 1)
        {
            return ChatReply.Say(ReportForms.Form(context, node.Id));
        }

        if (!AmountParser.TryParse(words[1], culture, out var value))
        {
            return Error(Format(nameof(OutcomeText.Report_Unreadable), culture, words[1]));
        }

        var day = context.Today;
        var rest = words.Skip(2).ToList();
        if (rest.Count > 0 && LooksLikeDay(rest[0]))
        {
            var (parsed, error) = DayArgument.Parse(context, rest[0]);
            if (error is not null)
            {
                return Error(error);
            }

            day = parsed;
            rest.RemoveAt(0);
        }

        return await _forms.RecordAsync(context, node, value, day, rest.Count == 0 ? null : string.Join(' ', rest), confirmed, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>An id or title of any reportable goal; else the one goal the person may report whose id or title holds the word.</summary>
    private static GoalNode? Find(GoalsModel model, IReadOnlyList<GoalNode> mine, string word)
    {
        var all = OutcomeNodes.All(model).ToList();
        var exact = all.FirstOrDefault(n => n.Id == word.ToLowerInvariant())
            ?? all.FirstOrDefault(n => string.Equals(n.Title, word, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var partial = Partial(mine, word);
        return partial.Count == 1 ? partial[0] : null;
    }

    private static List<GoalNode> Partial(IEnumerable<GoalNode> nodes, string word) =>
    [
        .. nodes.Where(n => n.Id.Contains(word, StringComparison.OrdinalIgnoreCase) || n.Title.Contains(word, StringComparison.OrdinalIgnoreCase)),
    ];

    private static string Ambiguity(GoalsModel model, IReadOnlyList<GoalNode> mine, string word, CultureInfo culture)
    {
        var partial = Partial(mine, word);
        if (partial.Count > 1)
        {
            return Format(nameof(OutcomeText.AmbiguousOutcome), culture, word, Choices(partial));
        }

        return model.NodesById.TryGetValue(word, out var other)
            ? Format(nameof(OutcomeText.NotAnOutcome), culture, other.Title)
            : Format(nameof(OutcomeText.UnknownOutcome), culture, word, Choices(mine));
    }

    private static string Choices(IEnumerable<GoalNode> nodes) => ReportForms.Choices(nodes);

    private static bool LooksLikeDay(string word) =>
        DayArgument.TryParseDate(word, out _) || word.ToLowerInvariant() is "today" or "yesterday" or "今日" or "昨日" or "きょう" or "きのう";

    private static ChatReply Error(string text) => ChatReply.Say(new ErrorView(text));

    private static string Text(string key, CultureInfo culture) => Localized.Get(OutcomeText.ResourceManager, key, culture);

    private static string Format(string key, CultureInfo culture, params object?[] args) =>
        Localized.Format(OutcomeText.ResourceManager, key, culture, args);
}
