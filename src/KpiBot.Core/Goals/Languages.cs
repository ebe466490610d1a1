using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Goals;

/// <summary>
/// A person's language: the chat client's locale (of this message, else the one last seen in their profile),
/// else the goals file's (person → team → organisation).
/// </summary>
public static class Languages
{
    public static CultureInfo For(Person person, GoalsModel model, string? chatLocale = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(model);
        var language = FirstSupported(chatLocale)
            ?? FirstSupported(person.ChatLocale)
            ?? FirstSupported(person.Locale)
            ?? FirstSupported(model.TeamsById.TryGetValue(person.TeamId, out var team) ? team.Locale : null)
            ?? FirstSupported(model.Organization.Locale);
        return Localized.CultureFor(language);
    }

    /// <summary>The language of a team's channel messages (digest): the team's, else the organisation's.</summary>
    public static CultureInfo ForTeam(Team team, GoalsModel model)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(model);
        return Localized.CultureFor(FirstSupported(team.Locale) ?? FirstSupported(model.Organization.Locale));
    }

    private static string? FirstSupported(string? locale) =>
        !string.IsNullOrWhiteSpace(locale)
        && (locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            ? locale
            : null;
}
