using KpiBot.Core.Channels;
using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.ApiKeys;
using KpiBot.Core.Outcomes;
using KpiBot.Core.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KpiBot.Storage;

/// <summary>
/// Wires the store: one scoped <see cref="KpiBotDbContext"/> of the chosen provider, leased from a pool (a request
/// reuses a context instead of building one, with its services and options, each time), the scoped stores over it
/// (each also as the Core port it implements), and the singleton <see cref="CachedGoalsProvider"/>.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddKpiBotStorage(this IServiceCollection services, Action<StorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new StorageOptions();
        configure(options);
        return services.AddKpiBotStorage(options);
    }

    public static IServiceCollection AddKpiBotStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);

        var connectionString = options.ConnectionString;
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddDbContextPool<KpiBotDbContext, SqliteKpiBotDbContext>(b => ConfigureSqlite(b, connectionString));
                break;
            case StorageProvider.Postgres:
                services.AddDbContextPool<KpiBotDbContext, PostgresKpiBotDbContext>(b => ConfigurePostgres(b, connectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown storage provider.");
        }

        services.AddSingleton(options);
        services.AddScoped<GoalsStore>();
        services.AddScoped<CheckInStore>();
        services.AddScoped<CheckInTotals>();
        services.AddScoped<ICheckInTotals>(sp => sp.GetRequiredService<CheckInTotals>());
        services.AddScoped<ApiKeyStore>();
        services.AddScoped<IApiKeyStore>(sp => sp.GetRequiredService<ApiKeyStore>());
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<CheckInQuery>();
        services.AddScoped<ICheckInQuery>(sp => sp.GetRequiredService<CheckInQuery>());
        services.AddScoped<IDailyTotals>(sp => sp.GetRequiredService<CheckInQuery>());
        services.AddScoped<OutcomeStore>();
        services.AddScoped<IOutcomeStore>(sp => sp.GetRequiredService<OutcomeStore>());
        services.AddScoped<TimeOffStore>();
        services.AddScoped<PersonDirectory>();

        // The engine's ports.
        services.AddScoped<ICheckInRepository>(sp => sp.GetRequiredService<CheckInStore>());
        services.AddScoped<DayStore>();
        services.AddScoped<IDayStore>(sp => sp.GetRequiredService<DayStore>());
        services.AddScoped<BlockerStore>();
        services.AddScoped<IBlockerStore>(sp => sp.GetRequiredService<BlockerStore>());
        services.AddSingleton<IdentityCache>();
        services.AddScoped<IIdentityStore, CachedIdentityStore>();
        services.AddScoped<ChannelLinkStore>();
        services.AddScoped<IChannelLinkStore>(sp => sp.GetRequiredService<ChannelLinkStore>());
        services.AddScoped<DeliveryStore>();
        services.AddScoped<IDeliveryStore>(sp => sp.GetRequiredService<DeliveryStore>());
        services.AddScoped<IDispatchCursor, DispatchCursor>();
        services.AddScoped<IChatUserStore, ChatUserStore>();
        services.AddScoped<IInboundDedupe, InboundDedupe>();
        services.AddScoped<IChatInstallationStore, ChatInstallationStore>();
        services.AddScoped<ISignInLinkStore, SignInLinkStore>();
        services.AddScoped<IGoalsImportHistory, GoalsImportHistory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CachedGoalsProvider>();
        services.AddSingleton<IGoalsProvider>(sp => sp.GetRequiredService<CachedGoalsProvider>());
        return services;
    }

    /// <summary>
    /// Options for SQLite with the model's snake_case names; creates the database file's folder when it is
    /// missing. The host's pool, tests and the design-time factory all build their options here.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        EnsureSqliteFolder(connectionString);
        return builder.UseSqlite(connectionString).UseSnakeCaseNamingConvention();
    }

    /// <summary>Options for PostgreSQL with the model's snake_case names (see <see cref="ConfigureSqlite"/>).</summary>
    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
