using System.Globalization;
using System.Security.Cryptography;
using KpiBot.Core.GoalsFile;
using KpiBot.Storage;

namespace KpiBot.Host.Goals;

/// <summary>Reads a goals file from disk, validates it and imports it into the store.</summary>
public sealed class GoalsFileService(GoalsStore store, TimeProvider time, ILogger<GoalsFileService> logger)
{
    /// <summary>
    /// Reads and validates <paramref name="path"/>; never throws for a missing or unreadable file. A file over
    /// <see cref="GoalsFileLimits.MaxBytes"/> is refused after reading one byte more than the limit, whatever it is
    /// (a device or a pipe that never ends too).
    /// </summary>
    public static async Task<GoalsFileOutcome> ReadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        int length;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            if (stream.CanSeek && stream.Length > GoalsFileLimits.MaxBytes)
            {
                return new GoalsFileOutcome(path, null, null, GoalsFileLoader.TooLarge(path, stream.Length), null);
            }

            // Read until the end or one byte past the limit, whatever the file claims its length is: a file that grows,
            // a pipe, or a device such as /dev/zero (length 0, never ends) stops there.
            using var memory = new MemoryStream(stream.CanSeek ? (int)stream.Length + 1 : 81_920);
            var chunk = new byte[81_920];
            int read;
            while (memory.Length <= GoalsFileLimits.MaxBytes
                && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, GoalsFileLimits.MaxBytes + 1 - memory.Length)), cancellationToken)) > 0)
            {
                memory.Write(chunk, 0, read);
            }

            bytes = memory.GetBuffer();
            length = (int)memory.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new GoalsFileOutcome(path, null, ex.Message, null, null);
        }

        if (length > GoalsFileLimits.MaxBytes)
        {
            return new GoalsFileOutcome(path, null, null, GoalsFileLoader.TooLarge(path, length), null);
        }

        var content = bytes.AsSpan(0, length);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return new GoalsFileOutcome(path, sha256, null, GoalsFileLoader.Load(content, path), null);
    }

    /// <summary>Validates, then writes to the store when there are no errors.</summary>
    public async Task<GoalsFileOutcome> ImportAsync(string path, string importedBy, CancellationToken cancellationToken)
    {
        var outcome = await ReadAsync(path, cancellationToken);
        if (outcome.Load?.Model is not { } model || outcome.Load.HasErrors)
        {
            return outcome;
        }

        var result = await store.ImportAsync(model, Path.GetFileName(path), outcome.Sha256!, importedBy, time.GetUtcNow(), cancellationToken);
        if (result.Summary is not { } summary)
        {
            return outcome with { Rejected = result };
        }

        Log.GoalsImported(logger, path, summary.Version);
        return outcome with { Import = summary };
    }
}

/// <summary>What happened to a goals file: read error, diagnostics, and the import summary when imported.</summary>
public sealed record GoalsFileOutcome(string Path, string? Sha256, string? ReadError, GoalsLoadResult? Load, GoalsImportSummary? Import)
{
    /// <summary>Set when the store refused the model (a target it cannot hold exactly); nothing was written.</summary>
    public GoalsImportResult? Rejected { get; init; }

    public bool Imported => Import is not null;

    public bool HasErrors => ReadError is not null || Load is null || Load.HasErrors;

    public string Describe(CultureInfo culture) => ReadError
        ?? (Rejected is { } r ? $"{r.RejectedNodeId}: {r.Rejection}" : null)
        ?? string.Join(Environment.NewLine, Load?.Diagnostics.Select(d => d.Format(culture)) ?? []);
}
