using System.Globalization;
using System.Text.RegularExpressions;
using KpiBot.Core.Calendar;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Rep;

/// <summary>
/// <c>off 2026-12-24..2027-01-03 [reason]</c> (or one day, or <c>2026-12-24〜2027-01-03</c>): records time off,
/// which takes those days out of the person's targets and out of "asked". At most <see cref="MaxDays"/> days at once.
/// </summary>
public sealed partial class OffCommand(IDayStore days) : ICommandHandler
{
    public const int MaxDays = 60;

    private readonly IDayStore _days = days ?? throw new ArgumentNullException(nameof(days));

    public string Name => "off";

    public IReadOnlyList<string> Aliases { get; } = ["休み", "休暇"];

    public Role MinimumRole => Role.Rep;

    public HelpItem Help(CultureInfo culture) => new(
        Texts.Get(nameof(ConversationText.Help_Off_Usage), culture), Texts.Get(nameof(ConversationText.Help_Off), culture));

    public async Task<ChatReply> HandleAsync(CommandContext context, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = context.Culture;
        var text = RangeSeparator().Replace(CommandLine.Normalize(arguments), "..");
        if (text.Length == 0)
        {
            return Error(Texts.Get(nameof(ConversationText.Off_Missing), culture));
        }

        var words = text.Split(' ');
        var range = words[0].Split("..");
        var reasonFrom = 1;
        if (range.Length == 1 && words.Length > 1 && DayArgument.TryParseDate(words[1], out _))
        {
            range = [words[0], words[1]];
            reasonFrom = 2;
        }

        if (range.Length > 2 || !DayArgument.TryParseDate(range[0], out var first) || !DayArgument.TryParseDate(range[^1], out var last))
        {
            return Error(Texts.Format(nameof(ConversationText.Off_Unreadable), culture, arguments.Trim()));
        }

        if (last < first)
        {
            return Error(Texts.Format(nameof(ConversationText.Off_Reversed), culture, first, last));
        }

        var length = last.DayNumber - first.DayNumber + 1;
        if (length > MaxDays)
        {
            return Error(Texts.Format(nameof(ConversationText.Off_TooLong), culture, length, MaxDays));
        }

        var reason = words.Length > reasonFrom ? string.Join(' ', words[reasonFrom..]) : null;
        await _days.AddTimeOffAsync(context.Person.Id, first, last, reason, context.Now, cancellationToken).ConfigureAwait(false);
        var calendar = context.Model.TeamsById.TryGetValue(context.Person.TeamId, out var team) ? WorkCalendar.For(team) : WorkCalendar.Weekdays;
        var workingDays = calendar.CountWorkingDays(first, last);
        var message = first == last
            ? Texts.Format(nameof(ConversationText.Off_RecordedDay), culture, first)
            : Texts.Format(nameof(ConversationText.Off_Recorded), culture, first, last, workingDays);
        return ChatReply.Say(new MessageView(message), ReplyVisibility.Private);
    }

    private static ChatReply Error(string text) => ChatReply.Say(new ErrorView(text), ReplyVisibility.Private);

    /// <summary>"..", "~" (also from full-width ～), "〜" or "–", with any spaces around them.</summary>
    [GeneratedRegex(@"\s*(\.\.|~|〜|–)\s*")]
    private static partial Regex RangeSeparator();
}
