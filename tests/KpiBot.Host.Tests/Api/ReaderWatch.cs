using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using KpiBot.Storage;
using KpiBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace KpiBot.Host.Tests.Api;

/// <summary>
/// Every data reader EF Core closes on one test database, with its SQL and the number of reads made through it,
/// seen through EF Core's DiagnosticListener (process-wide, so readers of other databases are left out). It shows
/// how many rows a request really pulled from the database, whatever the answer's size.
/// </summary>
internal sealed class ReaderWatch : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string Disposing = RelationalEventId.DataReaderDisposing.Name!;

    private readonly string _database;
    private readonly ConcurrentQueue<(string Sql, int Reads)> _readers = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    public ReaderWatch(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _database = db.Options.Provider == StorageProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(db.Options.ConnectionString).Database!
            : Path.GetFullPath(new SqliteConnectionStringBuilder(db.Options.ConnectionString).DataSource);
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>
    /// The readers closed so far: their SQL and how many times Read was called on each (EF Core's count: a reader
    /// read to its end has read <c>Reads - 1</c> rows, the last call finding none).
    /// </summary>
    public IReadOnlyList<(string Sql, int Reads)> Readers => [.. _readers];

    public void Clear() => _readers.Clear();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == Disposing));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is DataReaderDisposingEventData data && Matches(data.Command.Connection))
        {
            _readers.Enqueue((data.Command.CommandText, data.ReadCount));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private bool Matches(DbConnection? connection) => connection switch
    {
        NpgsqlConnection pg => pg.Database == _database,
        SqliteConnection sqlite => string.Equals(Path.GetFullPath(sqlite.DataSource), _database, StringComparison.Ordinal),
        _ => false,
    };
}
