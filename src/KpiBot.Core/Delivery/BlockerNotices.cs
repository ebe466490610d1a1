using KpiBot.Core.Goals;
using KpiBot.Core.Conversations;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Delivery;

/// <summary>
/// Telling a team's leads (or, for a team without one, the admins) of a newly raised blocker: who they are,
/// and the notice as each reads it (in their language), written by the send job (<see cref="Notices"/> claims it).
/// </summary>
public static class BlockerNotices
{
    /// <summary>Who is told: the team's leads, else the admins.</summary>
    public static IReadOnlyList<Person> Recipients(GoalsModel model, Person person)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        var leads = model.MembersOf(person.TeamId).Where(p => p.Role == Role.Lead).ToList();
        return leads.Count > 0 ? leads : [.. model.People.Where(p => p.Role == Role.Admin)];
    }

    /// <summary>The notice as <paramref name="lead"/> reads it.</summary>
    public static ChatView View(GoalsModel model, Person lead, Person person, DateOnly day, string? note)
    {
        var culture = Languages.For(lead, model);
        var text = note is null
            ? Texts.Format(nameof(ConversationText.Blocker_Raised), culture, person.DisplayName, day)
            : Texts.Format(nameof(ConversationText.Blocker_RaisedWithNote), culture, person.DisplayName, day, note);
        return new MessageView(text);
    }
}
