using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>Checks that an end date is not before its start.</summary>
internal static class Windows
{
    public static void CheckOrder(MappingReader map, ParseContext context, DateOnly? start, string startKey, DateOnly? end, string endKey)
    {
        if (start is { } first && end is { } last && last < first)
        {
            context.Error(map.At(endKey), DiagnosticCodes.EndBeforeStart, nameof(GoalsFileText.EndBeforeStart), map.What, endKey, last, startKey, first);
        }
    }
}
