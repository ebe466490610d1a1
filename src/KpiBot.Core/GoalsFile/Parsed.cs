using KpiBot.Core.Goals;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// An element read from the file (possibly incomplete when the file has errors) with the line of the
/// element and of each of its keys' values, so later checks can point at the exact line.
/// </summary>
internal sealed record Parsed<T>(T Value, SourceLocation Location, IReadOnlyDictionary<string, SourceLocation> Fields)
{
    public SourceLocation At(string key) => Fields.TryGetValue(key, out var at) ? at : Location;
}
