using System.Security.Cryptography;
using System.Text;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Dashboard;

/// <summary>What a sign-in link is worth when it is opened.</summary>
public enum SignInCheck
{
    Valid,
    /// <summary>No such link for this person: forged, mistyped, or another person's token.</summary>
    Unknown,
    Expired,
    Used,
}

/// <summary>
/// One-time sign-in links for the dashboard, made by the chat's <c>dashboard</c> command: a 256-bit random token,
/// bound to one person (their id is in the link and must match), valid for <see cref="DashboardSettings.LinkLifetime"/>
/// and for one use across every host. Only the token's SHA-256 is stored, so a copy of the database opens nothing.
/// </summary>
public sealed class SignInLinks(ISignInLinkStore store, DashboardSettings settings, TimeProvider time)
{
    public const string SignInPath = "dashboard/signin/";

    private readonly ISignInLinkStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly DashboardSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    public DashboardSettings Settings => _settings;

    /// <summary>A new link for <paramref name="person"/>, or null when no public base URL is configured.</summary>
    public async Task<Uri?> IssueAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (_settings.PublicBaseUrl is null)
        {
            return null;
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        await _store.SaveAsync(new SignInLink(Hash(token), person.Id, now, now + _settings.LinkLifetime), cancellationToken).ConfigureAwait(false);
        return _settings.Url(SignInPath + Uri.EscapeDataString(person.Id) + "?t=" + token);
    }

    /// <summary>What the link is worth now, without using it (to show whom it signs in).</summary>
    public async Task<SignInCheck> CheckAsync(string personId, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personId);
        if (!LooksLikeToken(token))
        {
            return SignInCheck.Unknown;
        }

        var link = await _store.FindAsync(Hash(token!), cancellationToken).ConfigureAwait(false);
        return Judge(link, personId, _time.GetUtcNow());
    }

    /// <summary>Uses the link: <see cref="SignInCheck.Valid"/> only for the one call that redeemed it.</summary>
    public async Task<SignInCheck> RedeemAsync(string personId, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personId);
        if (!LooksLikeToken(token))
        {
            return SignInCheck.Unknown;
        }

        var hash = Hash(token!);
        var now = _time.GetUtcNow();
        if (await _store.RedeemAsync(hash, personId, now, cancellationToken).ConfigureAwait(false))
        {
            return SignInCheck.Valid;
        }

        // Why not: read it again for the message (a race lost to another host reads as used).
        var check = Judge(await _store.FindAsync(hash, cancellationToken).ConfigureAwait(false), personId, now);
        return check == SignInCheck.Valid ? SignInCheck.Used : check;
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static SignInCheck Judge(SignInLink? link, string personId, DateTimeOffset now) =>
        link is null || !string.Equals(link.PersonId, personId, StringComparison.Ordinal) ? SignInCheck.Unknown
        : link.UsedAt is not null ? SignInCheck.Used
        : now >= link.ExpiresAt ? SignInCheck.Expired
        : SignInCheck.Valid;

    /// <summary>43 base64url characters (32 bytes); anything else is refused before the store is asked.</summary>
    private static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
