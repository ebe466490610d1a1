using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KpiBot.Core.Dashboard;
using KpiBot.Core.Digest;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace KpiBot.Web.Charts;

/// <summary>
/// The digest chart's address: <c>{PublicBaseUrl}/charts/digest/{token}</c>, the token being the team, the week and
/// an expiry (<see cref="Lifetime"/>) protected by ASP.NET Core Data Protection (authenticated encryption with the
/// key ring every host shares), so a changed token is refused and none can be made without the keys.
/// </summary>
public sealed class DigestChartLinks(IDataProtectionProvider protection, DashboardSettings settings, TimeProvider time) : IDigestChartLinks
{
    public const string Path = "charts/digest/";

    /// <summary>How long a digest's chart stays viewable from the card (the card in the channel's history outlives a week).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(35);

    private readonly IDataProtector _protector = protection.CreateProtector("KpiBot.DigestChart.v1");

    public Uri? For(string teamId, DateOnly weekStart)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        if (settings.PublicBaseUrl is null)
        {
            return null;
        }

        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var payload = string.Join('\n', teamId, weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), expires.ToString(CultureInfo.InvariantCulture));
        return settings.Url(Path + WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload))));
    }

    /// <summary>The team and week of a token this host's key ring made and that has not expired; null for anything else.</summary>
    public (string TeamId, DateOnly WeekStart)? Read(string token)
    {
        byte[] bytes;
        try
        {
            bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n');
        return parts.Length == 3
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() < expires
            ? (parts[0], week)
            : null;
    }
}
