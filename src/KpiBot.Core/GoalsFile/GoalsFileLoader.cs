using System.Buffers;
using System.Text;
using System.Text.Unicode;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Turns the text of a goals file into a <see cref="GoalsModel"/>: parses the YAML keeping lines, checks
/// every element and reference (reporting all problems at once), then, when there are no errors, warns
/// about targets the declared capacity cannot reach. Reading the file is the caller's job.
/// </summary>
public static class GoalsFileLoader
{
    /// <summary>
    /// Loads the file's bytes: refused before parsing when larger than <see cref="GoalsFileLimits.MaxBytes"/> or not
    /// UTF-8 (the line of the first bad byte is given); a byte order mark is skipped.
    /// </summary>
    public static GoalsLoadResult Load(ReadOnlySpan<byte> utf8, string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (utf8.Length > GoalsFileLimits.MaxBytes)
        {
            return TooLarge(fileName, utf8.Length);
        }

        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            var status = Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var context = new ParseContext(fileName);
                var line = utf8[..read].Count((byte)'\n') + 1;
                context.Error(new SourceLocation(fileName, line), DiagnosticCodes.NotUtf8, nameof(GoalsFileText.NotUtf8), "0x" + utf8[read].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                return new GoalsLoadResult(null, context.Sorted());
            }

            return Load(new string(chars, 0, written), fileName);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The answer for a file of <paramref name="bytes"/> over the limit, given without reading it.</summary>
    public static GoalsLoadResult TooLarge(string fileName, long bytes)
    {
        var context = new ParseContext(fileName);
        context.Error(new SourceLocation(fileName, 1), DiagnosticCodes.FileTooLarge, nameof(GoalsFileText.FileTooLarge),
            Math.Ceiling(bytes * 10m / 1024 / 1024) / 10, GoalsFileLimits.MaxBytes / 1024 / 1024, GoalsFileLimits.MaxPeople);
        return new GoalsLoadResult(null, context.Sorted());
    }

    /// <summary>Never throws for bad input: YAML syntax errors too become diagnostics.</summary>
    public static GoalsLoadResult Load(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var context = new ParseContext(fileName);
        var parsed = DocumentReader.Read(yamlText, context);
        if (parsed is null)
        {
            return new GoalsLoadResult(null, context.Sorted());
        }

        if (!WithinLimits(parsed, context))
        {
            return new GoalsLoadResult(null, context.Sorted());
        }

        parsed = WithKdiTeamsFromKpis(parsed);
        ReferenceChecker.Check(parsed, context);
        CycleChecker.Check(parsed.Kpis, context);
        if (context.HasErrors || parsed.Organization is null)
        {
            return new GoalsLoadResult(null, context.Sorted());
        }

        var model = new GoalsModel(
            parsed.Organization.Value,
            parsed.Teams.Select(t => t.Value),
            parsed.People.Select(p => p.Value),
            parsed.Kgis.Select(k => k.Value),
            parsed.Ksfs.Select(k => k.Value),
            parsed.Kpis.Select(k => k.Value),
            parsed.Kdis.Select(k => k.Value));
        TreeWarnings.Check(model, context);
        FeasibilityChecker.Check(model, context);
        return new GoalsLoadResult(model, context.Sorted());
    }

    /// <summary>Counts are checked before any cross-reference: the checks after parsing grow with them.</summary>
    private static bool WithinLimits(ParsedGoals parsed, ParseContext context)
    {
        var within = true;
        if (parsed.People.Count > GoalsFileLimits.MaxPeople)
        {
            context.Error(parsed.People[GoalsFileLimits.MaxPeople].Location, DiagnosticCodes.TooMany,
                nameof(GoalsFileText.TooManyPeople), parsed.People.Count, GoalsFileLimits.MaxPeople);
            within = false;
        }

        if (parsed.Teams.Count > GoalsFileLimits.MaxTeams)
        {
            context.Error(parsed.Teams[GoalsFileLimits.MaxTeams].Location, DiagnosticCodes.TooMany,
                nameof(GoalsFileText.TooManyTeams), parsed.Teams.Count, GoalsFileLimits.MaxTeams);
            within = false;
        }

        var goals = parsed.Kgis.Count + parsed.Ksfs.Count + parsed.Kpis.Count + parsed.Kdis.Count;
        if (goals > GoalsFileLimits.MaxGoals)
        {
            context.Error(new SourceLocation(context.FileName, 1), DiagnosticCodes.TooMany,
                nameof(GoalsFileText.TooManyGoals), goals, GoalsFileLimits.MaxGoals);
            within = false;
        }

        // Only the limits decide: errors found while parsing must not hide the reference checks after it.
        return within;
    }

    /// <summary>A KDI that names no team belongs to its KPI's owner team.</summary>
    private static ParsedGoals WithKdiTeamsFromKpis(ParsedGoals parsed)
    {
        var owners = parsed.Kpis.GroupBy(k => k.Value.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value.OwnerTeamId, StringComparer.Ordinal);
        var kdis = parsed.Kdis
            .Select(k => k.Value.TeamId.Length == 0 && owners.TryGetValue(k.Value.KpiId, out var owner)
                ? k with { Value = k.Value with { TeamId = owner } }
                : k)
            .ToList();
        return parsed with { Kdis = kdis };
    }
}
