using KpiBot.Core.Formatting;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>The receipts that replace a card: "Saved: 27 calls (target 20), 3 emails (target 3)", or a skipped day.</summary>
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
                v.Kdi.Id, v.Kdi.Title, QuantityFormatter.Format(v.Value, v.Kdi.Unit, culture), TargetNumber(target, v.Kdi.Unit, culture),
                target > 0m ? v.Value / target : null);
        }).ToList();
        var items = Texts.List(lines.Select(l => Texts.Format(nameof(ConversationText.Receipt_Item), culture, l.ValueText, l.TargetText)), culture);
        var text = IsCurrent(context, day, cadence)
            ? Texts.Format(nameof(ConversationText.Receipt_Saved), culture, items)
            : Texts.Format(nameof(ConversationText.Receipt_SavedFor), culture, items, day);
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

    /// <summary>A target as a bare number ("20"), except money and rates, which keep their sign ("¥30,000", "20 %").</summary>
    public static string TargetNumber(decimal target, string unit, System.Globalization.CultureInfo culture) =>
        QuantityFormatter.IsYen(unit) || QuantityFormatter.IsPercent(unit)
            ? QuantityFormatter.Format(target, unit, culture)
            : QuantityFormatter.Number(target, culture);

    private static bool IsCurrent(CommandContext context, DateOnly day, KdiCadence cadence) =>
        day == CardKdis.CardDay(context.Model, context.Person, cadence, context.Today);
}
