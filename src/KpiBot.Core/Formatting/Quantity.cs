using System.Globalization;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Formatting;

/// <summary>
/// A node's quantity as a text argument that is formatted only when the reader's culture is known
/// (<c>string.Format(culture, "{0} …", quantity)</c> gives "8 calls" or "8件").
/// </summary>
public sealed record Quantity(decimal Value, GoalNode Node) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        QuantityFormatter.Format(Value, Node, formatProvider as CultureInfo ?? CultureInfo.InvariantCulture);

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>A node's unit name as a text argument, in the reader's language when formatted ("calls" / "件").</summary>
public sealed record UnitName(GoalNode Node) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Units.Name(Node, formatProvider as CultureInfo ?? CultureInfo.InvariantCulture);

    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
}
