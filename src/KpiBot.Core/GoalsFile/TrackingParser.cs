using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Passes YAML parser events through and remembers where the last good one ended, so an exception from
/// the scanner that carries no position (YamlDotNet throws InvalidOperationException on some malformed
/// input) can still be reported at a line.
/// </summary>
internal sealed class TrackingParser(IParser inner) : IParser
{
    public Mark LastGood { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
        {
            LastGood = current.End;
        }

        return moved;
    }
}
