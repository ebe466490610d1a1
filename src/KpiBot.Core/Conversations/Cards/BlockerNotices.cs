using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations.Cards;

/// <summary>The messages that tell a team's leads (or, for a team without one, the admins) of a newly raised blocker, each in their own language.</summary>
internal static class BlockerNotices
{
    public static IReadOnlyList<OutboundMessage> ForLeads(GoalsModel model, Person person, DateOnly day, string? note)
    {
        var leads = model.MembersOf(person.TeamId).Where(p => p.Role == Role.Lead).ToList();
        if (leads.Count == 0)
        {
            leads = [.. model.People.Where(p => p.Role == Role.Admin)];
        }

        return [.. leads.Select(lead =>
        {
            var culture = Languages.For(lead, model);
            var text = note is null
                ? Texts.Format(nameof(ConversationText.Blocker_Raised), culture, person.DisplayName, day)
                : Texts.Format(nameof(ConversationText.Blocker_RaisedWithNote), culture, person.DisplayName, day, note);
            return new OutboundMessage(new MessageView(text), PersonId: lead.Id);
        })];
    }
}
