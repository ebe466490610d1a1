using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KpiBot.Teams.Auth;

/// <summary>
/// The Bot Framework's OpenID metadata and signing keys with their channel endorsements, cached. Fetched
/// again after <see cref="TeamsOptions.MetadataRefreshInterval"/> (at most a day) and when a token names a
/// key the cache does not know (at most once per <see cref="ForcedRefreshSpacing"/>, so unknown key ids
/// cannot make us hammer the metadata server). A failed refresh keeps the keys already known; with none
/// known, validation fails closed.
/// </summary>
/// <remarks>
/// Microsoft.IdentityModel's ConfigurationManager refreshes in the background once it holds a
/// configuration, so a rotated key would be refused until some later request; this cache refreshes
/// synchronously on an unknown key id instead, using the same retriever.
/// </remarks>
internal sealed class BotFrameworkKeyCache : IDisposable
{
    internal static readonly TimeSpan ForcedRefreshSpacing = TimeSpan.FromMinutes(1);

    private readonly string _metadataAddress;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _snapshot;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public BotFrameworkKeyCache(TeamsOptions options, HttpClient httpClient, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metadataAddress = options.OpenIdMetadataUrl.AbsoluteUri;
        _retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = options.RequireHttpsMetadata };
        _refreshInterval = options.MetadataRefreshInterval <= TimeSpan.FromDays(1) ? options.MetadataRefreshInterval : TimeSpan.FromDays(1);
        _time = time;
    }

    /// <summary>The keys, fetched first if stale; with <paramref name="unknownKeyId"/> set and not known, fetched again once.</summary>
    public async Task<BotFrameworkKeys?> GetAsync(string? unknownKeyId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = _snapshot;
        if (current is not null && now - current.FetchedAt < _refreshInterval && (unknownKeyId is null || current.Keys.Contains(unknownKeyId)))
        {
            return current.Keys;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            now = _time.GetUtcNow();
            current = _snapshot;
            var stale = current is null || now - current.FetchedAt >= _refreshInterval;
            var forced = !stale && unknownKeyId is not null && !current!.Keys.Contains(unknownKeyId) && now - _lastForcedRefresh >= ForcedRefreshSpacing;
            if (stale || forced)
            {
                if (forced)
                {
                    _lastForcedRefresh = now;
                }

                try
                {
                    var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataAddress, _retriever, cancellationToken).ConfigureAwait(false);
                    _snapshot = new Snapshot(BotFrameworkKeys.From(configuration), now);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException or ArgumentException or SecurityTokenException or TaskCanceledException)
                {
                    // Keep what we had; with nothing, the caller refuses.
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                }
            }

            return _snapshot?.Keys;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private sealed record Snapshot(BotFrameworkKeys Keys, DateTimeOffset FetchedAt);
}
