namespace KpiBot.Core.Dashboard;

/// <summary>
/// Where the dashboard is reached from outside (<c>KpiBot:PublicBaseUrl</c>; null: no links can be made, and
/// the digest's chart cannot be shown in Teams) and how long a sign-in link works.
/// </summary>
public sealed record DashboardSettings(Uri? PublicBaseUrl, TimeSpan LinkLifetime)
{
    public static readonly TimeSpan DefaultLinkLifetime = TimeSpan.FromMinutes(15);

    public static DashboardSettings None { get; } = new(null, DefaultLinkLifetime);

    /// <summary>An absolute URL under the public base URL (which may itself have a path), or null without one.</summary>
    public Uri? Url(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (PublicBaseUrl is null)
        {
            return null;
        }

        var root = PublicBaseUrl.AbsoluteUri.EndsWith('/') ? PublicBaseUrl : new Uri(PublicBaseUrl.AbsoluteUri + "/");
        return new Uri(root, relative.TrimStart('/'));
    }
}
