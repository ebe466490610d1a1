using KpiBot.Core.Goals;

namespace KpiBot.Web.Api;

internal static class ApiPeople
{
    /// <summary>A person by id, else by email (any case).</summary>
    public static Person? Find(GoalsModel model, string idOrEmail)
    {
        var text = idOrEmail.Trim();
        return model.PeopleById.GetValueOrDefault(text)
            ?? model.People.FirstOrDefault(p => string.Equals(p.Email, text, StringComparison.OrdinalIgnoreCase));
    }
}
