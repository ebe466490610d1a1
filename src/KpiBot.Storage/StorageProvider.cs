namespace KpiBot.Storage;

/// <summary>Which database KpiBot keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>A single file; the embedded default for one host.</summary>
    Sqlite,
    /// <summary>A shared PostgreSQL server; for production and several hosts.</summary>
    Postgres,
}
