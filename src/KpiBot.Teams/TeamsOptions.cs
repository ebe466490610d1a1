using System.ComponentModel.DataAnnotations;

namespace KpiBot.Teams;

/// <summary>
/// The <c>Teams</c> configuration section. Every address defaults to the public cloud's value and can be
/// changed for government clouds and tests. Secrets (<see cref="AppPassword"/>) come from the environment
/// (<c>Teams__AppPassword</c>) or user secrets, never from committed files.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The bot's Microsoft app id; the audience of every inbound token. Empty: no authenticated traffic is accepted.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the outbound token.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The bot's tenant for single-tenant bots; empty for multi-tenant (authority <c>botframework.com</c>).</summary>
    public string? TenantId { get; set; }

    /// <summary>The Bot Framework's OpenID metadata, whose JWKS signs inbound tokens.</summary>
    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The issuer of inbound channel tokens.</summary>
    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra ID instance the outbound token is requested from; the tenant (or <c>botframework.com</c>) is appended.</summary>
    [Required]
    public Uri Authority { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Whether MSAL checks <see cref="Authority"/> against Entra ID's known instances. Off only for a private fake.</summary>
    public bool AuthorityInstanceDiscovery { get; set; } = true;

    /// <summary>The scope of the outbound token.</summary>
    [Required]
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>How often the OpenID metadata and keys are fetched again at the latest (at most a day).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Whether the metadata may be fetched over plain HTTP. Always false in production; only for a test
    /// or development fake that cannot serve HTTPS.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The connector used when no service URL was learnt yet (new 1:1 conversations).</summary>
    [Required]
    public Uri DefaultServiceUrl { get; set; } = new("https://smba.trafficmanager.net/teams/");

    /// <summary>Attempts per connector call for 429 / 412 / 502 / 503 / 504 and network failures (1 = no retry).</summary>
    [Range(1, 10)]
    public int ConnectorMaxAttempts { get; set; } = 4;

    /// <summary>The first back-off delay; it doubles per attempt, with full jitter.</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for here: the call returns RateLimited for the job to reschedule.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Bot Framework Emulator mode: with no <see cref="AppId"/>, in the Development environment only,
    /// unauthenticated requests from loopback are accepted and replies go to the Emulator's http://localhost
    /// connector. Off by default; a configured app id never accepts unauthenticated requests.
    /// </summary>
    public bool AllowUnauthenticatedLocal { get; set; }

    /// <summary>The largest request body accepted on /api/messages.</summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>The token authority for this bot: the own tenant when single-tenant, else <c>botframework.com</c>.</summary>
    public Uri TokenAuthority => new(Authority, string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId);
}
