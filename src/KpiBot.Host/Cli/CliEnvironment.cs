using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Host.Hosting;
using KpiBot.Host.Jobs;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Cli;

/// <summary>
/// Where a command writes and how it gets its services: the same configuration and storage as the
/// host, built per invocation. Tests pass their own writers and configuration.
/// </summary>
public sealed class CliEnvironment(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public static CliEnvironment Console() => new(System.Console.Out, System.Console.Error);

    /// <summary>Where byte output (CSV exports) goes; standard output unless a test gives a stream.</summary>
    public Stream? BinaryOutput { get; init; }

    public Stream OpenBinaryOutput() => BinaryOutput ?? System.Console.OpenStandardOutput();

    /// <summary>A service provider with the host's configuration, storage and services, logging only warnings to stderr.</summary>
    public IHost BuildHost()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            DisableDefaults = false,
        });
        KpiBotConfiguration.AddDefaults(builder.Configuration);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var storage = StorageSettings.From(builder.Configuration).ToStorageOptions();
        builder.AddKpiBotServices(storage);
        // A command's deliveries (a lead told of a blocker recorded here) are sent by the running hosts.
        builder.AddKpiBotJobs(storage, runServer: false);
        return builder.Build();
    }

    /// <summary>
    /// The language for a command that needs no store: --lang, else KpiBot:Language, else English. Reads
    /// only the configuration, so it creates no database folder.
    /// </summary>
    public CultureInfo ConfiguredCulture(string? language)
    {
        if (!string.IsNullOrEmpty(language))
        {
            return Localized.CultureFor(language);
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        using var configuration = builder.Configuration;
        return Localized.CultureFor(configuration[$"{KpiBotOptions.Section}:{nameof(KpiBotOptions.Language)}"]);
    }

    /// <summary>The language for output: --lang, else KpiBot:Language, else the goals file's, else English.</summary>
    public static CultureInfo CultureFor(string? language, IServiceProvider services, GoalsModel? model)
    {
        var configured = services.GetRequiredService<IOptions<KpiBotOptions>>().Value.Language;
        return Localized.CultureFor(
            !string.IsNullOrEmpty(language) ? language
            : !string.IsNullOrEmpty(configured) ? configured
            : model?.Organization.Locale);
    }
}
