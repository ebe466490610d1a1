using System.Globalization;
using CsvHelper;
using KpiBot.Core.Goals;
using KpiBot.Core.Reporting;
using KpiBot.Core.Resources;
using KpiBot.Core.Rollup;
using KpiBot.Web.Resources;

namespace KpiBot.Web.Export;

/// <summary>
/// CSV for people who live in spreadsheets, written with CsvHelper (RFC 4180 quoting): UTF-8 with a byte-order mark
/// (so Excel in Japan opens it as UTF-8), headers in the reader's language, ISO dates, plain invariant numbers (no
/// separators, a dot for decimals). Check-ins are written as they stream from the store, flushed every
/// <see cref="FlushEvery"/> rows, so memory stays flat however many there are.
/// </summary>
public static class CsvExports
{
    private const int FlushEvery = 1000;
    /// <summary>RFC 4180, a BOM, invariant numbers, and text that a spreadsheet would take for a formula (=, +, -, @) escaped.</summary>
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
    };

    public static async Task<long> WriteCheckInsAsync(
        Stream output, GoalsModel model, IAsyncEnumerable<CheckInRecord> rows, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvWriter.Create(output, Options, true);
        Header(csv, culture, nameof(ExportText.Id), nameof(ExportText.Day), nameof(ExportText.PersonId), nameof(ExportText.Person),
            nameof(ExportText.Team), nameof(ExportText.NodeId), nameof(ExportText.Node), nameof(ExportText.Value), nameof(ExportText.Unit),
            nameof(ExportText.Note), nameof(ExportText.Blocker), nameof(ExportText.Source), nameof(ExportText.Revision), nameof(ExportText.UpdatedAt));
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            var person = model.PeopleById.GetValueOrDefault(row.PersonId);
            var node = model.NodesById.GetValueOrDefault(row.NodeId);
            csv.WriteField(row.Id.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Date(row.Day));
            csv.WriteField(row.PersonId);
            csv.WriteField(person?.DisplayName ?? string.Empty);
            csv.WriteField(person?.TeamId ?? string.Empty);
            csv.WriteField(row.NodeId);
            csv.WriteField(node?.Title ?? string.Empty);
            csv.WriteField(Number(row.Value));
            csv.WriteField(node is null ? string.Empty : Api.Units.Of(node) ?? string.Empty);
            csv.WriteField(row.Note ?? string.Empty);
            csv.WriteField(row.Blocker ? "true" : "false");
            csv.WriteField(row.Source);
            csv.WriteField(row.Revision.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.UpdatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(ct);
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync(ct);
            }
        }

        await csv.FlushAsync(ct);
        return count;
    }

    public static async Task WriteRollupsAsync(Stream output, RollupReport report, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(output, Options, true);
        Header(csv, culture, nameof(ExportText.AsOf), nameof(ExportText.NodeId), nameof(ExportText.Kind), nameof(ExportText.Node),
            nameof(ExportText.Parent), nameof(ExportText.Unit), nameof(ExportText.WindowStart), nameof(ExportText.WindowEnd),
            nameof(ExportText.Actual), nameof(ExportText.Target), nameof(ExportText.ProgressPercent), nameof(ExportText.Expected),
            nameof(ExportText.Pace), nameof(ExportText.Forecast), nameof(ExportText.Status), nameof(ExportText.Reported),
            nameof(ExportText.Estimate), nameof(ExportText.Drives));
        foreach (var root in report.Roots)
        {
            await RowsAsync(csv, root, null, report.AsOf, ct);
        }

        await csv.FlushAsync(ct);
    }

    private static async Task RowsAsync(CsvWriter csv, RollupNode node, string? parent, DateOnly asOf, CancellationToken ct)
    {
        var f = node.Figures;
        var o = node.Outcome;
        csv.WriteField(Date(asOf));
        csv.WriteField(node.Node.Id);
        csv.WriteField(node.Node.Kind.ToString().ToUpperInvariant());
        csv.WriteField(node.Node.Title);
        csv.WriteField(parent ?? string.Empty);
        csv.WriteField(Api.Units.Of(node.Node) ?? string.Empty);
        csv.WriteField(node.Window is { } w ? Date(w.Start) : string.Empty);
        csv.WriteField(node.Window is { } v ? Date(v.End) : string.Empty);
        csv.WriteField(Number(f?.Actual));
        csv.WriteField(Number(f?.Target));
        csv.WriteField(Number(f?.ProgressPercent));
        csv.WriteField(Number(f?.Expected));
        csv.WriteField(Number(f?.Pace));
        csv.WriteField(Number(f?.Forecast));
        csv.WriteField(f is null ? string.Empty : Api.ApiTree.StatusName(f.Status));
        csv.WriteField(Number(o?.Reported));
        csv.WriteField(Number(o?.Estimate));
        csv.WriteField(o is null ? string.Empty : o.ReportedDrives ? "reported" : "estimate");
        await csv.EndRecordAsync(ct);
        foreach (var child in node.Children)
        {
            await RowsAsync(csv, child, node.Node.Id, asOf, ct);
        }
    }

    private static void Header(CsvWriter csv, CultureInfo culture, params string[] keys)
    {
        foreach (var key in keys)
        {
            csv.WriteField(Localized.Get(ExportText.ResourceManager, key, culture));
        }

        csv.EndRecord();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A plain number: invariant, no group separators, up to the four decimals the store keeps (more for computed figures).</summary>
    private static string Number(decimal? value) =>
        value is { } v ? Math.Round(v, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;
}
