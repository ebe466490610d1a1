using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>How messages name the elements of the file ("KPI 'meetings'", "チーム「sales」").</summary>
internal static class Elements
{
    public static LocalText Named(string kindKey, string? id) => id is null
        ? LocalText.Of(nameof(GoalsFileText.Element_NoId), LocalText.Of(kindKey))
        : LocalText.Of(nameof(GoalsFileText.Element_Named), LocalText.Of(kindKey), id);

    public static LocalText Kind(string kindKey) => LocalText.Of(kindKey);
}
