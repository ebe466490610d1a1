using System.Data.Common;
using System.Globalization;
using System.Text;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace KpiBot.Storage;

public sealed partial class DeliveryStore
{
    /// <summary>Rows per INSERT statement: 1,000 rows × 8 parameters stays far below both providers' limits.</summary>
    internal const int ClaimBatchSize = 1_000;

    /// <summary>
    /// Inserts a Pending row per occurrence whose key was never claimed and returns the ids this call inserted.
    /// One <c>INSERT … ON CONFLICT ("key") DO NOTHING RETURNING id</c> per 1,000 occurrences (PostgreSQL, and
    /// SQLite ≥ 3.35), each committed on its own, keys in ordinal order so that two hosts claiming the same
    /// occurrences wait on each other instead of deadlocking. The unique key decides: each key is inserted
    /// (and returned) by exactly one caller.
    /// </summary>
    public async Task<IReadOnlyList<long>> ClaimAsync(
        IReadOnlyCollection<Occurrence> occurrences,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        var ordered = occurrences
            .DistinctBy(o => o.Key, StringComparer.Ordinal)
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
        {
            return [];
        }

        var at = Utc(now);
        var claimed = new List<long>();
        await _db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var batch in ordered.Chunk(ClaimBatchSize))
            {
                await using var command = CreateClaimCommand(batch, at);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    claimed.Add(reader.GetInt64(0));
                }
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }

        return claimed;
    }

    private DbCommand CreateClaimCommand(Occurrence[] batch, DateTime at)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder(
            """INSERT INTO deliveries ("key", kind, recipient_id, work_day, due_at, state, attempts, created_at, updated_at) VALUES """);
        AddParameter(command, "@state", nameof(DeliveryState.Pending));
        AddParameter(command, "@at", at);
        for (var i = 0; i < batch.Length; i++)
        {
            var o = batch[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ")
                .Append(CultureInfo.InvariantCulture, $"(@k{n}, @t{n}, @r{n}, @w{n}, @d{n}, @state, 0, @at, @at)");
            AddParameter(command, "@k" + n, o.Key);
            AddParameter(command, "@t" + n, o.Kind.ToString());
            AddParameter(command, "@r" + n, o.RecipientId);
            AddParameter(command, "@w" + n, o.WorkDay);
            AddParameter(command, "@d" + n, Utc(o.DueAtUtc));
        }

        sql.Append(""" ON CONFLICT ("key") DO NOTHING RETURNING id""");
        command.CommandText = sql.ToString();
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
