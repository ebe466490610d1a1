namespace KpiBot.Teams.Connector;

/// <summary>No token: the Bot Framework Emulator without an app id takes unauthenticated calls. Used only in <see cref="TeamsEmulatorMode"/>.</summary>
internal sealed class EmulatorTokenProvider : IBotTokenProvider
{
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult("");
}
