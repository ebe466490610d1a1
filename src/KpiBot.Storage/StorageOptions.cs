namespace KpiBot.Storage;

/// <summary>Where KpiBot stores its data. Bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/kpibot.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>How often <see cref="CachedGoalsProvider"/> asks the database whether a newer import landed.</summary>
    public TimeSpan GoalsCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
