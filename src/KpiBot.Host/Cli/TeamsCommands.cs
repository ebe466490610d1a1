using System.CommandLine;
using KpiBot.Core.Resources;
using KpiBot.Host.Resources;

namespace KpiBot.Host.Cli;

/// <summary><c>kpibot teams package</c>: the app package an admin uploads to Teams.</summary>
internal static class TeamsCommands
{
    /// <summary>The arguments are wrong (app id, version, name, address): nothing was read or written.</summary>
    public const int BadArguments = 2;

    /// <summary>The manifest folder is missing or broken, or the zip cannot be written.</summary>
    public const int Failed = 1;

    public static Command Create(CliEnvironment env)
    {
        var teams = new Command("teams", "Microsoft Teams: build the app package to upload.");
        teams.Add(Package(env));
        return teams;
    }

    private static Command Package(CliEnvironment env)
    {
        var appId = new Option<string>("--app-id")
        {
            Description = "The bot's Microsoft App ID (a GUID): the app's id and the bot's id in the manifest.",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "The zip to write.", DefaultValueFactory = _ => "kpibot-teams.zip" };
        var name = new Option<string?>("--name") { Description = $"The app's name in Teams, in every language (at most {TeamsAppPackage.MaxNameLength} characters; default KpiBot)." };
        var version = new Option<string?>("--app-version") { Description = "The app version, x.y.z (default: this build's version). Raise it for each new upload." };
        var developerUrl = new Option<string?>("--developer-url") { Description = $"An https page about who runs the bot, shown in the app's details (default {TeamsAppPackage.DefaultDeveloperUrl.AbsoluteUri})." };
        var folder = new Option<string?>("--manifest-dir") { Description = "The folder with manifest.json and the icons (default: manifests/teams here, else beside the executable)." };
        var command = new Command("package", "Write the Teams app package (manifest.json, icons, language files) with the bot's app id filled in.")
        {
            appId, output, name, version, developerUrl, folder,
        };
        command.SetAction(async (parse, ct) =>
        {
            var culture = env.ConfiguredCulture(parse.GetValue(CliOptions.Language));
            var error = (string key, object?[] args) =>
                env.Error.WriteLineAsync(Localized.Format(CliText.ResourceManager, key, culture, args));

            var id = TeamsAppPackage.ParseAppId(parse.GetValue(appId));
            if (id is null)
            {
                await error(nameof(CliText.TeamsBadAppId), [parse.GetValue(appId)]);
                return BadArguments;
            }

            var versionText = parse.GetValue(version) ?? TeamsAppPackage.BuildVersion();
            if (TeamsAppPackage.ParseVersion(versionText) is not { } appVersion || (parse.GetValue(version) is { } given && given != appVersion))
            {
                await error(nameof(CliText.TeamsBadVersion), [versionText]);
                return BadArguments;
            }

            var appName = parse.GetValue(name)?.Trim();
            if (appName is not null && (appName.Length == 0 || appName.Length > TeamsAppPackage.MaxNameLength))
            {
                await error(nameof(CliText.TeamsBadName), [appName, TeamsAppPackage.MaxNameLength]);
                return BadArguments;
            }

            var urlText = parse.GetValue(developerUrl);
            Uri? url = TeamsAppPackage.DefaultDeveloperUrl;
            if (urlText is not null && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme != Uri.UriSchemeHttps))
            {
                await error(nameof(CliText.TeamsBadDeveloperUrl), [urlText]);
                return BadArguments;
            }

            var dir = parse.GetValue(folder) is { } chosen
                ? Path.GetFullPath(chosen)
                : TeamsAppPackage.DefaultFolders().FirstOrDefault(f => File.Exists(Path.Combine(f, TeamsAppPackage.ManifestFile)));
            if (dir is null)
            {
                await error(nameof(CliText.TeamsNoManifest), [string.Join(", ", TeamsAppPackage.DefaultFolders())]);
                return Failed;
            }

            var outcome = TeamsAppPackage.Build(dir, new TeamsPackageValues(id, appVersion, url, appName));
            if (outcome.Problem is { } problem)
            {
                await error(ProblemKey(problem.Kind), [problem.Path, problem.Detail, dir]);
                return Failed;
            }

            var target = Path.GetFullPath(parse.GetRequiredValue(output));
            try
            {
                await File.WriteAllBytesAsync(target, outcome.Zip!, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error(nameof(CliText.TeamsCannotWrite), [target, e.Message]);
                return Failed;
            }

            await env.Output.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.TeamsPackaged), culture,
                target, id, appVersion, string.Join(", ", outcome.Files)));
            return 0;
        });
        return command;
    }

    private static string ProblemKey(TeamsPackageProblemKind kind) => kind switch
    {
        TeamsPackageProblemKind.NoManifest => nameof(CliText.TeamsNoManifest),
        TeamsPackageProblemKind.BadJson => nameof(CliText.TeamsBadJson),
        TeamsPackageProblemKind.MissingFile => nameof(CliText.TeamsMissingFile),
        TeamsPackageProblemKind.UnknownToken => nameof(CliText.TeamsUnknownToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
