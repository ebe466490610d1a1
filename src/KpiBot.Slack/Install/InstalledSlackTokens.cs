using System.Collections.Concurrent;
using System.Security.Cryptography;
using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Install;

/// <summary>
/// The bot token for a workspace: the one stored when the workspace installed the app through OAuth (decrypted
/// with purpose <see cref="TokenPurpose"/>), else the configured <c>Slack:BotToken</c>. Answers are kept in
/// memory for <see cref="CacheFor"/>, so a workspace uninstalled through another host stops being used within
/// that time; on this host <see cref="Forget"/> drops it at once.
/// </summary>
public sealed class InstalledSlackTokens(
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<InstalledSlackTokens> logger) : ISlackTokenSource
{
    public const string TokenPurpose = "KpiBot.Slack.BotToken";

    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private const int MaxCached = 10_000;

    private readonly IDataProtector _protector = dataProtection.CreateProtector(TokenPurpose);
    private readonly ConcurrentDictionary<string, (string? Token, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(teamId, out var cached) && cached.Until > now)
        {
            return cached.Token ?? Configured;
        }

        string? token = null;
        using (var scope = scopes.CreateScope())
        {
            var installation = await scope.ServiceProvider.GetRequiredService<IChatInstallationStore>()
                .FindAsync(Platforms.Slack, teamId, cancellationToken).ConfigureAwait(false);
            if (installation is not null)
            {
                try
                {
                    token = _protector.Unprotect(installation.ProtectedToken);
                }
                catch (CryptographicException)
                {
                    InstallLog.Undecryptable(logger, teamId);
                }
            }
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[teamId] = (token, now + CacheFor);
        return token ?? Configured;
    }

    /// <summary>Encrypts a token for storing (the stored string is never the token).</summary>
    public string Protect(string token) => _protector.Protect(token);

    /// <summary>Drops this host's cached answer for a workspace (after an install or an uninstall).</summary>
    public void Forget(string teamId) => _cache.TryRemove(teamId, out _);

    private string? Configured => string.IsNullOrEmpty(options.Value.BotToken) ? null : options.Value.BotToken;
}
