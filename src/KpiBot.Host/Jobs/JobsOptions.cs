using System.ComponentModel.DataAnnotations;

namespace KpiBot.Host.Jobs;

/// <summary>Background work (section <c>Jobs</c>): Hangfire server and dashboard settings.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this host (false: this host only serves requests).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Workers of this host's server; a few are plenty on a small machine (sends are I/O bound).</summary>
    [Range(1, 200)]
    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>How often idle workers look for new jobs; short so a prompt claimed on another host starts quickly.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Hangfire's SQLite file for the embedded default; empty: beside the KpiBot database, named *.hangfire.db.</summary>
    public string? SqliteFile { get; set; }

    /// <summary>
    /// A secret that opens the dashboard (/hangfire) from other machines: send it as <c>Authorization: Bearer …</c>
    /// or <c>?token=…</c> once (it is then kept in a cookie). Empty: the dashboard answers local requests only.
    /// </summary>
    public string? DashboardToken { get; set; }
}
