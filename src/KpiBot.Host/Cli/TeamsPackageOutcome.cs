namespace KpiBot.Host.Cli;

/// <summary>What the package step fills in: the bot's app id (a GUID), the app version, the developer's page and optionally a new name.</summary>
internal sealed record TeamsPackageValues(string AppId, string Version, Uri DeveloperUrl, string? Name = null);

internal enum TeamsPackageProblemKind
{
    NoManifest,
    BadJson,
    MissingFile,
    UnknownToken,
}

/// <summary>Why no package was made: which file, and a detail (the file it misses, the parser's message, the unknown tokens).</summary>
internal sealed record TeamsPackageProblem(TeamsPackageProblemKind Kind, string Path, string Detail);

/// <summary>The zip and its entries' names, or the problem.</summary>
internal sealed record TeamsPackageOutcome(byte[]? Zip, IReadOnlyList<string> Files, TeamsPackageProblem? Problem)
{
    public static TeamsPackageOutcome Failed(TeamsPackageProblemKind kind, string path, string detail) =>
        new(null, [], new TeamsPackageProblem(kind, path, detail));
}
