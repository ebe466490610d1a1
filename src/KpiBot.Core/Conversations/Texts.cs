using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations;

/// <summary>The conversation texts (Resources/ConversationText.resx) in one person's language.</summary>
internal static class Texts
{
    public static string Get(string key, CultureInfo culture) =>
        Localized.Get(ConversationText.ResourceManager, key, culture);

    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        Localized.Format(ConversationText.ResourceManager, key, culture, args);

    /// <summary>Items joined the way the language lists them ("a, b" / "a、b").</summary>
    public static string List(IEnumerable<string> items, CultureInfo culture) =>
        string.Join(Get(nameof(ConversationText.ListSeparator), culture), items);
}
