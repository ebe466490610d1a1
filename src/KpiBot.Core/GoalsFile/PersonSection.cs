using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Reads one item of <c>people:</c>.</summary>
internal static class PersonSection
{
    private static readonly string[] Keys = ["id", "name", "email", "role", "team", "time_zone", "locale"];

    public static Parsed<Person>? Read(YamlNode node, ParseContext context)
    {
        var map = MappingReader.OpenElement(node, Keys, nameof(GoalsFileText.Kind_Person), context);
        if (map is null)
        {
            return null;
        }

        var id = map.Id();
        map.What = Elements.Named(nameof(GoalsFileText.Kind_Person), id);
        var name = map.String("name", required: true) ?? string.Empty;
        var email = map.String("email", required: true);
        if (email is not null && !LooksLikeEmail(email))
        {
            context.Error(map.At("email"), DiagnosticCodes.BadEmail, nameof(GoalsFileText.BadEmail), email);
            email = null;
        }

        var role = map.Choice("role", Choices.Roles, required: true) ?? Role.Rep;
        var team = map.Id("team", required: true);
        var timeZone = TeamSection.TimeZone(map, context, required: false);
        var locale = map.Word("locale", Choices.Locales);
        return map.Result(new Person(id ?? string.Empty, name, email ?? string.Empty, role, team ?? string.Empty, timeZone, locale, map.Location));
    }

    /// <summary>Something@something with no spaces: enough to catch a name typed where an address belongs.</summary>
    public static bool LooksLikeEmail(string email) =>
        email.IndexOf('@', StringComparison.Ordinal) > 0 && !email.EndsWith('@') && !email.Contains(' ', StringComparison.Ordinal);
}
