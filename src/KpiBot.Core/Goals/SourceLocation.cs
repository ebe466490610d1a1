namespace KpiBot.Core.Goals;

/// <summary>Where an element was declared in a goals file, for messages that point at it.</summary>
public sealed record SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => $"{File}:{Line}";
}
