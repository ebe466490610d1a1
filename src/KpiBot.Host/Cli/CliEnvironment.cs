using System.CommandLine;
using System.Globalization;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Host.Hosting;
using KpiBot.Host.Jobs;
using KpiBot.Host.Resources;
using KpiBot.Storage;
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
    /// Runs a command on the store: builds the host, brings the database up to date and hands the command the host
    /// and a scope's services; returns its exit code.
    /// </summary>
    public async Task<int> WithStoreAsync(Func<IHost, IServiceProvider, Task<int>> command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var host = BuildHost();
        await KpiBotDatabase.MigrateAsync(host.Services, ct);
        await using var scope = host.Services.CreateAsyncScope();
        return await command(host, scope.ServiceProvider);
    }

    /// <summary>
    /// As <see cref="WithStoreAsync"/>, for a command that needs the imported goals: it gets them with the output
    /// language (<see cref="CultureFor"/>); without goals the command is not run, and says so (exit code 1).
    /// </summary>
    public Task<int> WithGoalsAsync(ParseResult parse, Func<CliStore, Task<int>> command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(command);
        return WithStoreAsync(async (host, services) =>
        {
            var model = await services.GetRequiredService<GoalsStore>().LoadCurrentAsync(ct);
            var culture = CultureFor(parse.GetValue(CliOptions.Language), host.Services, model);
            if (model is null)
            {
                await Error.WriteLineAsync(Localized.Get(CliText.ResourceManager, nameof(CliText.NoGoals), culture));
                return 1;
            }

            return await command(new CliStore(host, services, model, culture));
        }, ct);
    }

    /// <summary>The person of the goals with this email; null after saying on the error output that there is none.</summary>
    public async Task<Person?> PersonAsync(CliStore store, string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var who = await store.Services.GetRequiredService<PersonDirectory>().FindByEmailAsync(email, ct);
        if (who is not null && store.Model.PeopleById.TryGetValue(who.Id, out var person))
        {
            return person;
        }

        await Error.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.UnknownPerson), store.Culture, email));
        return null;
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

/// <summary>What a command on the goals works with: the host, a scope's services, the goals and the output language.</summary>
public sealed record CliStore(IHost Host, IServiceProvider Services, GoalsModel Model, CultureInfo Culture);
