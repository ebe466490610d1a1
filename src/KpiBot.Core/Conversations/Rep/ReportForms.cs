using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// Reporting a result in chat, as a form or as text: the form with the goals the person may report, and the one
/// path every report takes from there — <see cref="OutcomeService"/>'s rules and history, then the receipt and how
/// the goal and its KGI stand now. A refusal names the form field at fault; an amount that looks too large asks
/// for confirmation with a command that records it confirmed.
/// </summary>
public sealed class ReportForms(OutcomeService outcomes, RollupService rollup)
{
    private const string ConfirmFlag = "--confirm";
    private readonly OutcomeService _outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
    private readonly RollupService _rollup = rollup ?? throw new ArgumentNullException(nameof(rollup));

    /// <summary>The KGIs and KPIs <paramref name="context"/>'s person may report, in tree order.</summary>
    public static IReadOnlyList<GoalNode> Reportable(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Reportable(context.Model, context.Person);
    }

    /// <summary>The form, with <paramref name="selected"/> chosen when the person may report it (or the only goal they may).</summary>
    public static ChatView Form(CommandContext context, string? selected)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mine = Reportable(context);
        return mine.Count == 0
            ? new MessageView(Text(nameof(OutcomeText.NoOutcomes), context.Culture))
            : Form(mine, selected, context.Today, context.Culture, Format(nameof(OutcomeText.Form_Text), context.Culture, Choices(mine)), intro: null);
    }

    /// <summary>
    /// The form sent to a reporter on their cadence (and as its reminder): it names the outcomes still to report
    /// for their periods, says how to report them in words, and has the first of them chosen, the ask's day as the day.
    /// </summary>
    public static ReportFormView Ask(GoalsModel model, Person person, CultureInfo culture, DateOnly day, IReadOnlyList<OutcomeAsk> asks, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(asks);
        if (asks.Count == 0)
        {
            throw new ArgumentException("An ask names at least one outcome.", nameof(asks));
        }

        var mine = Reportable(model, person);
        var items = string.Join(Text(nameof(OutcomeText.Ask_Separator), culture),
            asks.Select(a => Format(nameof(OutcomeText.Ask_Item), culture, a.Node.Title, OutcomeReceipt.PeriodText(model, a.Node, a.Period, culture))));
        var ask = Format(reminder ? nameof(OutcomeText.Ask_Reminder) : nameof(OutcomeText.Ask_Text), culture, items);
        var hint = Format(nameof(OutcomeText.Ask_Hint), culture, $"report {asks[0].Node.Id} <{Text(nameof(OutcomeText.Form_Amount), culture)}>");
        var first = asks[0].Node.Id;
        return Form(mine.Any(n => n.Id == first) ? mine : [.. mine, asks[0].Node], first, day, culture, ask + "\n" + hint, intro: ask + "\n" + hint);
    }

    private static IReadOnlyList<GoalNode> Reportable(GoalsModel model, Person person) =>
        [.. OutcomeNodes.All(model).Where(n => OutcomeRules.MayReport(model, n, person))];

    private static ReportFormView Form(IReadOnlyList<GoalNode> mine, string? selected, DateOnly day, CultureInfo culture, string text, string? intro)
    {
        var choices = mine.Select(n => new ReportChoice(n.Id, Format(nameof(OutcomeText.Form_Choice), culture, n.Title, Cadence(n, culture)))).ToList();
        var chosen = mine.Any(n => n.Id == selected) ? selected : mine.Count == 1 ? mine[0].Id : null;
        var labels = new ReportFormLabels(
            Text(nameof(OutcomeText.Form_Open), culture),
            Text(nameof(OutcomeText.Form_Goal), culture),
            Text(nameof(OutcomeText.Form_Amount), culture),
            Text(nameof(OutcomeText.Form_AmountPlaceholder), culture),
            Text(nameof(OutcomeText.Form_Day), culture),
            Text(nameof(OutcomeText.Form_Note), culture),
            Text(nameof(OutcomeText.Form_Submit), culture),
            Text(nameof(OutcomeText.Form_Cancel), culture));
        return new ReportFormView(text, Text(nameof(OutcomeText.Form_Title), culture), choices, chosen, day, labels) { Intro = intro };
    }

    /// <summary>The form submitted: the same checks and answer as <c>report</c> in text.</summary>
    public Task<ChatReply> SubmitAsync(CommandContext context, ReportSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(submission);
        var culture = context.Culture;
        if (string.IsNullOrWhiteSpace(submission.NodeId))
        {
            return Refuse(Text(nameof(OutcomeText.Form_MissingGoal), culture), ReportFields.Goal);
        }

        if (!context.Model.NodesById.TryGetValue(submission.NodeId, out var node))
        {
            return Refuse(Format(nameof(OutcomeText.UnknownOutcome), culture, submission.NodeId, Choices(Reportable(context))), ReportFields.Goal);
        }

        if (string.IsNullOrWhiteSpace(submission.Amount))
        {
            return Refuse(Text(nameof(OutcomeText.Form_MissingAmount), culture), ReportFields.Amount);
        }

        if (!AmountParser.TryParse(submission.Amount, culture, out var value))
        {
            return Refuse(Format(nameof(OutcomeText.Report_Unreadable), culture, submission.Amount.Trim()), ReportFields.Amount);
        }

        var note = string.IsNullOrWhiteSpace(submission.Note) ? null : submission.Note.Trim();
        return RecordAsync(context, node, value, submission.Day ?? context.Today, note, submission.Confirmed, cancellationToken);
    }

    /// <summary>Records one result and answers with the receipt and the standing, or with why not.</summary>
    internal async Task<ChatReply> RecordAsync(
        CommandContext context, GoalNode node, decimal value, DateOnly day, string? note, bool confirmed, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var report = new OutcomeReport(node.Id, day, value, SourceOf(context), context.Person.Id, context.Person, Note: note, Confirmed: confirmed);
        var result = await _outcomes.ReportAsync(context.Model, report, context.Today, context.Now, cancellationToken).ConfigureAwait(false);
        if (result.Problem is { NeedsConfirmation: true } tooLarge)
        {
            var command = string.Create(CultureInfo.InvariantCulture, $"report {node.Id} {value} {day:yyyy-MM-dd}{(note is null ? "" : " " + note)} {ConfirmFlag}");
            return ChatReply.Say(new ConfirmView(
                tooLarge.Message(culture),
                Texts.Get(nameof(ConversationText.Confirm_Yes), culture),
                Texts.Get(nameof(ConversationText.Confirm_No), culture),
                command));
        }

        if (result.Problem is { } problem)
        {
            return ChatReply.Say(new ErrorView(problem.Message(culture), FieldKey: FieldOf(problem)));
        }

        var lines = new List<string> { OutcomeReceipt.Text(context.Model, result, culture) };
        lines.AddRange(await OutcomeStanding.LinesAsync(_rollup, context.Model, node.Id, context.Today, culture, cancellationToken)
            .ConfigureAwait(false));
        return ChatReply.Say(new MessageView(string.Join('\n', lines)));
    }

    /// <summary>Whether the text ends in the confirmation flag; the words without it.</summary>
    internal static bool TakeConfirm(List<string> words) => words.Remove(ConfirmFlag);

    /// <summary>"meetings (商談 30件/月), new-sales (新規顧客の売上)".</summary>
    internal static string Choices(IEnumerable<GoalNode> nodes) => string.Join(", ", nodes.Select(n => $"{n.Id} ({n.Title})"));

    private static string FieldOf(OutcomeProblem problem) => problem.Field switch
    {
        "value" => ReportFields.Amount,
        "date" or "day" => ReportFields.Day,
        _ => ReportFields.Goal,
    };

    private static string Cadence(GoalNode node, CultureInfo culture) => OutcomeNodes.ReportingOf(node)?.Every switch
    {
        PeriodKind.Day => Text(nameof(OutcomeText.Cadence_Day), culture),
        PeriodKind.Week => Text(nameof(OutcomeText.Cadence_Week), culture),
        PeriodKind.Quarter => Text(nameof(OutcomeText.Cadence_Quarter), culture),
        _ => Text(nameof(OutcomeText.Cadence_Month), culture),
    };

    private static string SourceOf(CommandContext context) => context.User.Platform switch
    {
        "slack" => CheckIns.CheckInSources.Slack,
        "teams" => CheckIns.CheckInSources.Teams,
        _ => context.User.Platform,
    };

    private static Task<ChatReply> Refuse(string text, string field) => Task.FromResult(ChatReply.Say(new ErrorView(text, FieldKey: field)));

    private static string Text(string key, CultureInfo culture) => Localized.Get(OutcomeText.ResourceManager, key, culture);

    private static string Format(string key, CultureInfo culture, params object?[] args) =>
        Localized.Format(OutcomeText.ResourceManager, key, culture, args);
}
