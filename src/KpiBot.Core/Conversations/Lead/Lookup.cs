using System.Text.RegularExpressions;
using KpiBot.Core.Chat;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Rollup;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>Finds the team, person or goal a lead typed.</summary>
internal static partial class Lookup
{
    private static readonly string[] Self = ["me", "@me", "自分", "私"];

    public static Team? Team(GoalsModel model, string text)
    {
        var name = text.Trim();
        return model.TeamsById.GetValueOrDefault(name)
            ?? model.Teams.FirstOrDefault(t => string.Equals(t.Id, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the text is meant as a person: "me", a mention (&lt;@U1&gt;, &lt;at&gt;Name&lt;/at&gt;) or "@name".</summary>
    public static bool LooksLikePerson(string text)
    {
        var t = text.Trim();
        return Self.Contains(t, StringComparer.OrdinalIgnoreCase) || t.StartsWith('@') || t.StartsWith("<@", StringComparison.Ordinal)
            || t.StartsWith("<at>", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The person meant by the text, when exactly one matches (see <see cref="PeopleAsync"/>).</summary>
    public static async Task<Person?> PersonAsync(CommandContext context, string text, IIdentityStore identities, CancellationToken ct) =>
        await PeopleAsync(context, text, identities, ct).ConfigureAwait(false) is [var one] ? one : null;

    /// <summary>
    /// The people meant by "me", a platform mention (&lt;@U1&gt;, &lt;at&gt;Name&lt;/at&gt;), or a name as typed with or
    /// without "@" — Slack sends "@handle" as text when its slash command does not escape mentions. A name is,
    /// in order: a person id or email; a handle (the email's local part, as Slack handles usually are) or the
    /// display name, ignoring case, spaces, dots, dashes and underscores; else one word of the display name
    /// ("@emily", "田中"). The first rule that matches anyone decides; several people are all returned (the caller
    /// says which matched).
    /// </summary>
    public static async Task<IReadOnlyList<Person>> PeopleAsync(CommandContext context, string text, IIdentityStore identities, CancellationToken ct)
    {
        var t = text.Trim();
        if (Self.Contains(t, StringComparer.OrdinalIgnoreCase))
        {
            return [context.Person];
        }

        if (SlackMention().Match(t) is { Success: true } mention)
        {
            var user = new ChatUser(context.User.Platform, context.User.TenantId, mention.Groups["id"].Value);
            var id = await identities.FindPersonIdAsync(user, ct).ConfigureAwait(false);
            return id is not null && context.Model.PeopleById.TryGetValue(id, out var linked) ? [linked] : [];
        }

        if (TeamsMention().Match(t) is { Success: true } at)
        {
            t = at.Groups["name"].Value;
        }

        var name = t.TrimStart('@').Trim();
        if (name.Length == 0)
        {
            return [];
        }

        if (context.Model.PeopleById.TryGetValue(name, out var byId))
        {
            return [byId];
        }

        var people = context.Model.People;
        var key = Handle(name);
        IReadOnlyList<Person>[] rules =
        [
            [.. people.Where(p => string.Equals(p.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Email, name, StringComparison.OrdinalIgnoreCase))],
            [.. people.Where(p => Handle(p.DisplayName) == key || (p.Email is { } email && Handle(email.Split('@')[0]) == key))],
            [.. people.Where(p => Words().Split(p.DisplayName).Any(w => w.Length > 0 && Handle(w) == key))],
        ];
        return rules.FirstOrDefault(r => r.Count > 0) ?? [];
    }

    /// <summary>A name as compared: lower case, without spaces, dots, dashes or underscores.</summary>
    private static string Handle(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-' or '_' or '・'))).ToLowerInvariant();

    /// <summary>The node by id, else by title (case-insensitive), in the report's tree order.</summary>
    public static RollupNode? Node(RollupReport report, string text)
    {
        var t = text.Trim();
        return report.Find(t)
            ?? report.Nodes.FirstOrDefault(n => string.Equals(n.Node.Title, t, StringComparison.OrdinalIgnoreCase))
            ?? report.Nodes.FirstOrDefault(n => string.Equals(n.Node.Id, t, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The closest goal title or id in the report to a misspelt one, if any is close.</summary>
    public static RollupNode? Closest(RollupReport report, string text)
    {
        var best = Suggestions.Closest(text.Trim(), report.Nodes.SelectMany(n => new[] { n.Node.Id, n.Node.Title }));
        return best is null ? null : Node(report, best);
    }

    [GeneratedRegex(@"^<@(?<id>[A-Za-z0-9]+)(\|[^>]*)?>$")]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"^<at>(?<name>.+)</at>$", RegexOptions.IgnoreCase)]
    private static partial Regex TeamsMention();

    [GeneratedRegex(@"[\s.\-_・　]+")]
    private static partial Regex Words();
}
