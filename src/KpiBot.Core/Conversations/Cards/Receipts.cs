using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// The receipts that replace a card: "Saved for Fri 4 Dec: Calls: 27 calls (target 20 calls), Emails: 3 emails
/// (target 3 emails)" — saved, for which day, units on both sides — or a skipped day.
/// </summary>
internal static class Receipts
{
    public static CheckInReceiptView Saved(
        CommandContext context, DateOnly day, KdiCadence cadence, IReadOnlyList<(Kdi Kdi, decimal Value)> values, string? note, bool blocker)
    {
        var culture = context.Culture;
        var lines = values.Select(v =>
        {
            var target = CardKdis.PersonTarget(context.Model, v.Kdi);
            return new ReceiptLine(
                v.Kdi.Id, v.Kdi.Title, QuantityFormatter.Format(v.Value, v.Kdi, culture), QuantityFormatter.Format(target, v.Kdi, culture),
                target > 0m ? v.Value / target : null);
        }).ToList();
        var items = Texts.List(lines.Select(l => Texts.Format(nameof(ConversationText.Receipt_Item), culture, l.ValueText, l.TargetText, l.Title)), culture);
        // Always the day (or week) it was saved for: a late answer, or one for yesterday, must not read as today's.
        var text = Texts.Format(
            cadence == KdiCadence.Weekly ? nameof(ConversationText.Receipt_SavedForWeek) : nameof(ConversationText.Receipt_SavedFor),
            culture, items, day);
        if (note is not null)
        {
            text += "\n" + Texts.Format(nameof(ConversationText.Receipt_Note), culture, note);
        }

        if (blocker)
        {
            text += "\n" + Texts.Get(nameof(ConversationText.Receipt_Blocker), culture);
        }

        return new CheckInReceiptView(text, CheckInPrompts.Title(cadence, day, culture), context.Person.Id, day, lines, note, blocker, Skipped: false);
    }

    public static CheckInReceiptView Skipped(CommandContext context, DateOnly day, KdiCadence cadence, string? reason)
    {
        var culture = context.Culture;
        var text = Texts.Format(nameof(ConversationText.Receipt_Skipped), culture, day);
        if (reason is not null)
        {
            text += "\n" + Texts.Format(nameof(ConversationText.Receipt_Reason), culture, reason);
        }

        return new CheckInReceiptView(text, CheckInPrompts.Title(cadence, day, culture), context.Person.Id, day, [], reason, false, Skipped: true);
    }
}
