using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KpiBot.Host.Cli;

/// <summary>
/// Builds the Teams app package: the zip an admin uploads, holding <c>manifest.json</c>, the two icons and
/// the language files the manifest names, all at the zip's root. The committed manifest carries
/// <c>{{TEAMS_APP_ID}}</c>, <c>{{VERSION}}</c> and <c>{{DEVELOPER_URL}}</c> tokens, since each organisation
/// registers its own bot; they are filled here, and a token left unfilled is an error.
/// </summary>
internal static partial class TeamsAppPackage
{
    public const string ManifestFile = "manifest.json";

    /// <summary>The longest <c>name.short</c> Teams takes.</summary>
    public const int MaxNameLength = 30;

    public static readonly Uri DefaultDeveloperUrl = new("https://kpibot.example.com");

    /// <summary>Where the manifest folder is looked for when none is given: the current directory, then beside the executable.</summary>
    public static IReadOnlyList<string> DefaultFolders() =>
    [
        Path.Combine(Directory.GetCurrentDirectory(), "manifests", "teams"),
        Path.Combine(AppContext.BaseDirectory, "manifests", "teams"),
    ];

    /// <summary>An app id as the manifest wants it (a hyphenated GUID, lower case), or null.</summary>
    public static string? ParseAppId(string? text) =>
        Guid.TryParseExact(text?.Trim(), "D", out var id) ? id.ToString("D") : null;

    /// <summary>
    /// <c>major.minor.patch</c> from a version such as the assembly's informational version
    /// (<c>1.2.0-beta+3f2a…</c> gives <c>1.2.0</c>), or null when it has no such core.
    /// </summary>
    public static string? ParseVersion(string? text)
    {
        var core = text?.Trim().Split('+', '-')[0] ?? "";
        return SemVerCore().IsMatch(core) ? core : null;
    }

    /// <summary>The version of this build, from its informational version.</summary>
    public static string? BuildVersion() =>
        ParseVersion(typeof(TeamsAppPackage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Reads the manifest folder, fills the tokens and returns the zip, or the problem that stopped it.</summary>
    public static TeamsPackageOutcome Build(string folder, TeamsPackageValues values)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(values);
        var manifestPath = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            return TeamsPackageOutcome.Failed(TeamsPackageProblemKind.NoManifest, manifestPath, "");
        }

        var tokens = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TEAMS_APP_ID"] = values.AppId,
            ["VERSION"] = values.Version,
            ["DEVELOPER_URL"] = values.DeveloperUrl.AbsoluteUri.TrimEnd('/'),
        };

        if (Load(manifestPath, tokens, out var manifest) is { } manifestProblem)
        {
            return manifestProblem;
        }

        if (values.Name is { } name)
        {
            manifest["name"] = new JsonObject { ["short"] = name, ["full"] = name };
        }

        var entries = new List<(string Name, byte[] Content)> { (ManifestFile, Write(manifest)) };
        foreach (var file in NamedFiles(manifest))
        {
            var path = Path.Combine(folder, file);
            if (Path.GetFileName(file) != file || !File.Exists(path))
            {
                return TeamsPackageOutcome.Failed(TeamsPackageProblemKind.MissingFile, manifestPath, file);
            }

            if (!file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                entries.Add((file, File.ReadAllBytes(path)));
                continue;
            }

            if (Load(path, tokens, out var strings) is { } languageProblem)
            {
                return languageProblem;
            }

            if (values.Name is { } localName)
            {
                strings["name.short"] = localName;
                strings["name.full"] = localName;
            }

            entries.Add((file, Write(strings)));
        }

        return new TeamsPackageOutcome(Zip(entries), [.. entries.Select(e => e.Name)], null);
    }

    /// <summary>The icons, then the language files, as the manifest names them.</summary>
    private static IEnumerable<string> NamedFiles(JsonObject manifest)
    {
        var icons = manifest["icons"] as JsonObject;
        var localization = manifest["localizationInfo"] as JsonObject;
        var languages = (localization?["additionalLanguages"] as JsonArray ?? []).Select(l => l?["file"]);
        return new[] { icons?["color"], icons?["outline"], icons?["color32x32"], localization?["defaultLanguageFile"] }
            .Concat(languages)
            .Select(n => n?.GetValue<string>())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
    }

    private static TeamsPackageOutcome? Load(string path, Dictionary<string, string> tokens, out JsonObject json)
    {
        json = [];
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject parsed)
            {
                return TeamsPackageOutcome.Failed(TeamsPackageProblemKind.BadJson, path, "not a JSON object");
            }

            json = parsed;
        }
        catch (JsonException e)
        {
            return TeamsPackageOutcome.Failed(TeamsPackageProblemKind.BadJson, path, e.Message);
        }

        var unknown = Fill(json, tokens).ToList();
        return unknown.Count == 0
            ? null
            : TeamsPackageOutcome.Failed(TeamsPackageProblemKind.UnknownToken, path, string.Join(", ", unknown.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>Replaces every <c>{{TOKEN}}</c> in the string values in place; yields the tokens it does not know.</summary>
    private static IEnumerable<string> Fill(JsonNode node, Dictionary<string, string> tokens)
    {
        var unknown = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = Replace(v.GetValue<string>(), tokens, unknown);
                    }
                    else if (child is not null)
                    {
                        unknown.AddRange(Fill(child, tokens));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = Replace(v.GetValue<string>(), tokens, unknown);
                    }
                    else if (array[i] is { } child)
                    {
                        unknown.AddRange(Fill(child, tokens));
                    }
                }

                break;
        }

        return unknown;
    }

    private static string Replace(string text, Dictionary<string, string> tokens, List<string> unknown) =>
        Token().Replace(text, m =>
        {
            if (tokens.TryGetValue(m.Groups[1].Value, out var value))
            {
                return value;
            }

            unknown.Add(m.Value);
            return m.Value;
        });

    private static byte[] Write(JsonObject json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteTo(writer);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                // A fixed time: the same inputs give the same bytes.
                entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [GeneratedRegex(@"\{\{([A-Z0-9_]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    // As the manifest schema's "semver" definition: three numbers, no leading zeros.
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVerCore();
}
