using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Conversations.Lead;

/// <summary>"Sales (sales), Telemarketing (telemarketing)": the teams to choose from.</summary>
internal static class TeamList
{
    public static string Of(GoalsModel model, CultureInfo culture) => string.Join(
        culture.TwoLetterISOLanguageName == "ja" ? "、" : ", ",
        model.Teams.Select(t => LeadTexts.Format(nameof(LeadText.Team_Name), culture, t.Name, t.Id)));
}
