using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>
/// Telling a team's leads (or, for a team without one, the admins) of a newly raised blocker: the answer
/// only names the notice (<see cref="ForLeads"/>); the delivery job writes it to each lead in their language.
/// </summary>
public static class BlockerNotices
{
    /// <summary>
    /// The notice a newly raised blocker causes (one per person and blocker day). Its words are written at send
    /// time from the open blocker, so the lead reads its latest note (<paramref name="note"/> is not kept).
    /// </summary>
    public static IReadOnlyList<OutboundMessage> ForLeads(GoalsModel model, Person person, DateOnly day, string? note)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(person);
        return [new OutboundMessage(OccurrenceKind.BlockerNotice, person.Id, day)];
    }

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
