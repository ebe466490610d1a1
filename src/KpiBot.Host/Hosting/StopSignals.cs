using System.Runtime.InteropServices;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Holds SIGTERM, SIGINT and SIGQUIT for as long as the host serves, from before it is built until the process
/// exits: the first one asks for an orderly stop (<see cref="Requested"/>), every later one is ignored, so an
/// orchestrator's stop followed by a terminal's Ctrl-C (or <c>dotnet run</c> and its child both signalled)
/// never cuts the stop short or kills the process half-way. The process then exits 0 after a clean stop.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Handle),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Requested => _requested.Token;

    /// <summary>
    /// The registrations are kept until the process exits (a static list keeps them reachable): a second
    /// signal that lands after the clean stop, while the runtime is still exiting, would otherwise take the default
    /// action and end the process with 143 instead of 0. Later signals find the token disposed and are ignored.
    /// </summary>
    public void Dispose()
    {
        KeptUntilExit.Add(_registrations);
        _requested.Dispose();
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<PosixSignalRegistration[]> KeptUntilExit = [];

    private void Handle(PosixSignalContext context)
    {
        // Never the default action (terminate): the host stops in order and Main returns.
        context.Cancel = true;
        try
        {
            _requested.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A signal after the host has stopped and this was disposed: the process is already on its way out.
        }
    }
}
