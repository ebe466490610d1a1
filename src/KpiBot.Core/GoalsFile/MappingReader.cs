using System.Globalization;
using System.Text.RegularExpressions;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>
/// Reads the keys of one YAML mapping with their lines, reporting unknown keys (with the closest known
/// one), missing required keys and values of the wrong type. Every getter returns null on a problem and
/// records it, so reading goes on and all problems are reported at once.
/// </summary>
internal sealed partial class MappingReader
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _fields = new(StringComparer.Ordinal);
    private readonly ParseContext _context;

    private MappingReader(YamlMappingNode node, ParseContext context, LocalText what)
    {
        _context = context;
        What = what;
        Location = context.At(node.Start);
    }

    /// <summary>How messages name this element, e.g. "KPI 'meetings'"; refined once the id is read.</summary>
    public LocalText What { get; set; }

    public SourceLocation Location { get; }

    public IReadOnlyDictionary<string, SourceLocation> Fields => _fields;

    public SourceLocation At(string key) => _fields.TryGetValue(key, out var at) ? at : Location;

    /// <summary>Records the line of a nested value (e.g. "from[0]") for later messages.</summary>
    public void Remember(string key, SourceLocation at) => _fields[key] = at;

    public Parsed<T> Result<T>(T value) => new(value, Location, new Dictionary<string, SourceLocation>(_fields));

    /// <summary>Opens an element of the tree, teams or people, named in messages by its kind and its id.</summary>
    public static MappingReader? OpenElement(YamlNode node, IReadOnlyList<string> knownKeys, string kindKey, ParseContext context)
    {
        var id = node is YamlMappingNode mapping
            && mapping.Children.TryGetValue(new YamlScalarNode("id"), out var value)
            && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text.Trim()
            : null;
        return Open(node, knownKeys, Elements.Named(kindKey, id), context);
    }

    /// <summary>Opens <paramref name="node"/> as a mapping whose keys must be among <paramref name="knownKeys"/>.</summary>
    public static MappingReader? Open(YamlNode node, IReadOnlyList<string> knownKeys, LocalText what, ParseContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(context.At(node.Start), DiagnosticCodes.WrongShape, nameof(GoalsFileText.ExpectedMapping), what);
            return null;
        }

        var reader = new MappingReader(mapping, context, what);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var at = context.At(keyNode.Start);
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                context.Error(at, DiagnosticCodes.WrongShape, nameof(GoalsFileText.ExpectedScalarKey), what);
                continue;
            }

            if (!knownKeys.Contains(key, StringComparer.Ordinal))
            {
                context.ErrorWithSuggestion(at, DiagnosticCodes.UnknownKey, Suggestions.Closest(key, knownKeys), nameof(GoalsFileText.UnknownKey), key, what);
                continue;
            }

            reader._values[key] = value;
            reader._fields[key] = context.At(value.Start);
        }

        return reader;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode Value(string key) => _values[key];

    public string? String(string key, bool required = false, Smart why = Smart.None)
    {
        if (!_values.TryGetValue(key, out var node) || IsPlainNull(node))
        {
            if (required)
            {
                Missing(key, why);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            _context.Error(At(key), DiagnosticCodes.WrongShape, nameof(GoalsFileText.ExpectedScalar), key, What);
            return null;
        }

        var value = scalar.Value?.Trim() ?? string.Empty;
        if (value.Length == 0 && required)
        {
            Missing(key, why);
            return null;
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// A unit: a plain string used in every language, or one per language (<c>{ en: calls, ja: 件 }</c>). Returns
    /// the unit as written (the first name of a mapping) and the names by language (null for a plain string).
    /// </summary>
    public (string Unit, IReadOnlyDictionary<string, string>? Names)? Unit(string key, Smart why)
    {
        if (!_values.TryGetValue(key, out var node) || node is not YamlMappingNode)
        {
            return String(key, required: true, why) is { } plain ? (plain, null) : null;
        }

        var map = Mapping(key, Choices.Locales);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in Choices.Locales.Where(l => map?.Has(l) == true))
        {
            if (map!.String(language, required: true) is { } name)
            {
                names[language] = name;
            }
        }

        if (map is not null && names.Count == 0 && map._values.Count == 0)
        {
            Missing(key, why);
        }

        var first = map?._values.Keys.FirstOrDefault(names.ContainsKey);
        return first is null ? null : (names[first], names);
    }

    /// <summary>A yes/no value: <c>true</c> or <c>false</c>.</summary>
    public bool? Flag(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        _context.ErrorWithSuggestion(At(key), DiagnosticCodes.BadEnum, Suggestions.Closest(text, ["true", "false"]), nameof(GoalsFileText.BadEnum), text, key, "true, false");
        return null;
    }

    public string? Id(string key = "id", bool required = true, Smart why = Smart.None)
    {
        var value = String(key, required, why);
        if (value is not null && !IdPattern().IsMatch(value))
        {
            _context.Error(At(key), DiagnosticCodes.BadId, nameof(GoalsFileText.BadId), value);
            return null;
        }

        return value;
    }

    /// <summary>A decimal; "10_000" and "20%" (= 0.2) are accepted. <paramref name="positive"/> rejects values ≤ 0.</summary>
    public decimal? Number(string key, bool required = false, bool positive = false, Smart why = Smart.None)
    {
        var text = String(key, required, why);
        if (text is null)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        var digits = (percent ? text[..^1] : text).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _context.Error(At(key), DiagnosticCodes.NotANumber, nameof(GoalsFileText.NotANumber), text, key);
            return null;
        }

        value = percent ? value / 100m : value;
        if (positive && value <= 0)
        {
            _context.Error(At(key), DiagnosticCodes.NotPositive, nameof(GoalsFileText.NotPositive), key, value);
            return null;
        }

        return value;
    }

    public int? Integer(string key, int min, int max)
    {
        var value = Number(key);
        if (value is null)
        {
            return null;
        }

        if (value < min || value > max || decimal.Truncate(value.Value) != value)
        {
            _context.Error(At(key), DiagnosticCodes.OutOfRange, nameof(GoalsFileText.OutOfRange), key, min, max, value);
            return null;
        }

        return (int)value.Value;
    }

    public DateOnly? Date(string key, bool required = false, Smart why = Smart.None)
    {
        var text = String(key, required, why);
        return text is null ? null : ParseDate(text, At(key), _context);
    }

    public static DateOnly? ParseDate(string text, SourceLocation at, ParseContext context)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        context.Error(at, DiagnosticCodes.BadDate, nameof(GoalsFileText.BadDate), text);
        return null;
    }

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> allowed, bool required = false, Smart why = Smart.None)
        where T : struct
    {
        var text = String(key, required, why);
        if (text is null)
        {
            return null;
        }

        if (allowed.TryGetValue(text, out var value))
        {
            return value;
        }

        _context.ErrorWithSuggestion(At(key), DiagnosticCodes.BadEnum, Suggestions.Closest(text, allowed.Keys), nameof(GoalsFileText.BadEnum), text, key, string.Join(", ", allowed.Keys));
        return null;
    }

    /// <summary>A word from a fixed set (a locale, a platform).</summary>
    public string? Word(string key, IReadOnlyList<string> allowed, bool required = false)
    {
        var text = String(key, required);
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        _context.ErrorWithSuggestion(At(key), DiagnosticCodes.BadEnum, Suggestions.Closest(text, allowed), nameof(GoalsFileText.BadEnum), text, key, string.Join(", ", allowed));
        return null;
    }

    /// <summary>The items of a list; an absent key is an empty list.</summary>
    public IReadOnlyList<YamlNode> List(string key, bool required = false, Smart why = Smart.None)
    {
        if (!_values.TryGetValue(key, out var node) || IsPlainNull(node))
        {
            if (required)
            {
                Missing(key, why);
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            _context.Error(At(key), DiagnosticCodes.WrongShape, nameof(GoalsFileText.ExpectedList), key, What);
            return [];
        }

        return sequence.Children.ToList();
    }

    public MappingReader? Mapping(string key, IReadOnlyList<string> knownKeys)
    {
        return _values.TryGetValue(key, out var node) && !IsPlainNull(node)
            ? Open(node, knownKeys, LocalText.Of(nameof(GoalsFileText.Element_Key), key, What), _context)
            : null;
    }

    public void Missing(string key, Smart why = Smart.None)
    {
        var message = why switch
        {
            Smart.Specific => nameof(GoalsFileText.MissingKey_Specific),
            Smart.Measurable => nameof(GoalsFileText.MissingKey_Measurable),
            Smart.TimeBound => nameof(GoalsFileText.MissingKey_TimeBound),
            Smart.Relevant => nameof(GoalsFileText.MissingKey_Relevant),
            _ => nameof(GoalsFileText.MissingKey),
        };
        var code = why == Smart.Relevant ? DiagnosticCodes.MissingParent : DiagnosticCodes.MissingKey;
        _context.Error(Location, code, message, What, key);
    }

    private static bool IsPlainNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
