using System.Globalization;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// What a chat answer to <see cref="CheckInService.SubmitAsync(GoalsModel, CheckInSubmission, CancellationToken)"/>
/// shows: the receipt, the refused values (each with its KDI's title), or the question with a confirm button.
/// </summary>
internal static class CheckInReplies
{
    public static RecordReply For(CommandContext context, CheckInAnswer answer, CheckInResult result)
    {
        var (model, culture) = (context.Model, context.Culture);
        switch (result.Status)
        {
            case CheckInStatus.Saved:
                var saved = result.Recorded
                    .Select(r => (Kdi: model.NodesById.GetValueOrDefault(r.NodeId) as Kdi, r.Value))
                    .Where(s => s.Kdi is not null)
                    .Select(s => (s.Kdi!, s.Value))
                    .OrderBy(s => IndexOf(model, s.Item1))
                    .ToList();
                return new RecordReply(Receipts.Saved(context, answer.Day, answer.Cadence, saved, Note(answer.Note), answer.Blocker), true);

            case CheckInStatus.NeedsConfirmation:
                var text = string.Join('\n', result.Problems.Select(p => Line(model, p, culture)).Append(Texts.Get(nameof(ConversationText.Confirm_Question), culture)));
                return RecordReply.Refused(new ConfirmView(
                    text, Texts.Get(nameof(ConversationText.Confirm_Yes), culture), Texts.Get(nameof(ConversationText.Confirm_No), culture), CardSubmissions.ConfirmCommand));

            default:
                if (result.Problems is [{ NodeId: null, Problem.Code: nameof(CheckInText.NoValues) }])
                {
                    return RecordReply.Refused(new ErrorView(Texts.Get(nameof(ConversationText.Submit_NoValues), culture)));
                }

                var error = new ErrorView(
                    string.Join('\n', result.Problems.Select(p => Line(model, p, culture))),
                    FieldKey: result.Status == CheckInStatus.Rejected ? result.Problems.FirstOrDefault(p => p.NodeId is not null)?.NodeId : null);
                return new RecordReply(error, result.AnySaved);
        }
    }

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>"Calls/day: …": the problem after the KDI's title; a changed-since-opened value with its units.</summary>
    private static string Line(GoalsModel model, ValueProblem problem, CultureInfo culture)
    {
        if (problem.NodeId is null)
        {
            return problem.Problem.Message(culture);
        }

        var node = model.NodesById.GetValueOrDefault(problem.NodeId);
        if (problem.Problem.Code == nameof(CheckInText.Stale) && node is not null)
        {
            return Texts.Format(
                nameof(ConversationText.Submit_Stale), culture, node.Title,
                QuantityFormatter.Format((decimal)problem.Problem.Args[0], node, culture), QuantityFormatter.Format((decimal)problem.Problem.Args[1], node, culture));
        }

        return Texts.Format(nameof(ConversationText.Submit_LineProblem), culture, node?.Title ?? problem.NodeId, problem.Problem.Message(culture));
    }

    private static int IndexOf(GoalsModel model, Kdi kdi)
    {
        for (var i = 0; i < model.Kdis.Count; i++)
        {
            if (model.Kdis[i].Id == kdi.Id)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
