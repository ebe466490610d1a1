using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace KpiBot.Core.ApiKeys;

/// <summary>
/// Makes and checks API keys. A key reads <c>kpb_&lt;prefix&gt;_&lt;secret&gt;</c>: 8 random hex characters to find
/// it by, then 40 random base-32 characters (200 bits). Only the SHA-256 of the whole key is stored — enough for
/// a random secret of that size — and compared in constant time, so the key is shown once and cannot be recovered.
/// </summary>
public sealed partial class ApiKeyService(IApiKeyStore store, TimeProvider time)
{
    public const string KeyStart = "kpb_";
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private readonly IApiKeyStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>Creates a key and returns it with its secret, the only time the secret is seen; null when the name is taken.</summary>
    public async Task<(ApiKey Key, string Secret)?> CreateAsync(
        string name, ApiKeyScope scope, string? teamId, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = string.Create(40, 0, (chars, _) =>
        {
            Span<byte> bytes = stackalloc byte[40];
            RandomNumberGenerator.Fill(bytes);
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Base32[bytes[i] & 31];
            }
        });
        var plain = $"{KeyStart}{prefix}_{secret}";
        var key = new ApiKey(0, name.Trim(), scope, teamId, prefix, Hash(plain), _time.GetUtcNow(), createdBy);
        return await _store.AddAsync(key, cancellationToken).ConfigureAwait(false) ? (key, plain) : null;
    }

    /// <summary>The active key a presented secret belongs to; null for a malformed, unknown, wrong or revoked one.</summary>
    public async Task<ApiKey?> VerifyAsync(string? presented, CancellationToken cancellationToken)
    {
        if (presented is null || KeyPattern().Match(presented) is not { Success: true } match)
        {
            return null;
        }

        var key = await _store.FindByPrefixAsync(match.Groups[1].Value, cancellationToken).ConfigureAwait(false);
        if (key is null || key.Revoked)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(key.SecretHash)) ? key : null;
    }

    public static string Hash(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));

    [GeneratedRegex("^kpb_([0-9a-f]{8})_[a-z2-7]{40}$")]
    private static partial Regex KeyPattern();
}
