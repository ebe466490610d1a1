using Microsoft.Extensions.Hosting;

namespace KpiBot.Teams;

/// <summary>
/// Whether this host runs in the Bot Framework Emulator mode: no app id, <see cref="TeamsOptions.AllowUnauthenticatedLocal"/>
/// set, and the Development environment — all three, decided once at start. Then, and only then, loopback
/// requests without a token are accepted and the connector may be called over http://localhost.
/// </summary>
public sealed class TeamsEmulatorMode
{
    /// <param name="environment">The host's environment; without one (no host) the mode is off.</param>
    public TeamsEmulatorMode(TeamsOptions options, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        Enabled = string.IsNullOrWhiteSpace(options.AppId) && options.AllowUnauthenticatedLocal && environment?.IsDevelopment() == true;
    }

    public bool Enabled { get; }
}
