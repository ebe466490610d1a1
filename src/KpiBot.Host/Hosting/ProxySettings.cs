using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// the host believes. None by default — not even one on this machine — so a forwarded request is judged by the
/// proxy's own address and still carries the header, which the operator-access rule refuses
/// (<see cref="Core.Access.LocalRequests"/>). A listed proxy's forwarded client address (and scheme) is what every
/// rule, log and cookie then sees.
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (10.0.0.5, ::1); a list, or one string separated by commas.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (10.0.0.0/8, fd00::/8); a list, or comma-separated.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to read back through (each must be trusted); 1 for one proxy.</summary>
    public int ForwardLimit { get; set; } = 1;

    public static ProxySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = new ProxySettings();
        section.Bind(settings);
        // A list in JSON (KnownProxies:0, :1 …), or one value such as ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6.
        settings.KnownProxies = List(section.GetSection(nameof(KnownProxies)));
        settings.KnownNetworks = List(section.GetSection(nameof(KnownNetworks)));
        return settings;
    }

    /// <summary>
    /// The middleware's options: only the listed proxies, or no forwarded header at all (fails on a value that is not
    /// an address). Applied after any other configuration, so ASPNETCORE_FORWARDEDHEADERS_ENABLED (which trusts every
    /// sender) cannot widen it.
    /// </summary>
    public void Apply(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (ForwardLimit is < 1 or > 10)
        {
            errors.Add($"ForwardedHeaders:ForwardLimit is {ForwardLimit}; it must be between 1 and 10.");
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = ForwardLimit;
        // ASP.NET Core trusts loopback proxies by default: here nothing is trusted unless configured.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var text in Split(KnownProxies))
        {
            if (IPAddress.TryParse(text, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                errors.Add($"ForwardedHeaders:KnownProxies has '{text}', which is not an IP address (10.0.0.5, ::1).");
            }
        }

        foreach (var text in Split(KnownNetworks))
        {
            if (System.Net.IPNetwork.TryParse(text, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else
            {
                errors.Add($"ForwardedHeaders:KnownNetworks has '{text}', which is not a network in CIDR notation (10.0.0.0/8).");
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(ProxySettings), errors);
        }

        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            // The middleware believes every sender when both lists are empty: with no proxy configured, nothing is read.
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }

    private static string[] List(IConfigurationSection section) =>
        [.. section.GetChildren().Select(c => c.Value ?? ""), .. string.IsNullOrWhiteSpace(section.Value) ? [] : new[] { section.Value }];

    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
