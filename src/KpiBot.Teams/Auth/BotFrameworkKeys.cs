using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KpiBot.Teams.Auth;

/// <summary>The signing keys of one metadata fetch, and for each key id the channels it is endorsed for.</summary>
internal sealed class BotFrameworkKeys
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _endorsements;

    private BotFrameworkKeys(IReadOnlyList<SecurityKey> signingKeys, FrozenDictionary<string, FrozenSet<string>> endorsements)
    {
        SigningKeys = signingKeys;
        _endorsements = endorsements;
    }

    public IReadOnlyList<SecurityKey> SigningKeys { get; }

    public bool Contains(string keyId) => _endorsements.ContainsKey(keyId);

    public bool IsEndorsed(string keyId, string channelId) =>
        _endorsements.TryGetValue(keyId, out var channels) && channels.Contains(channelId);

    public static BotFrameworkKeys From(OpenIdConnectConfiguration configuration)
    {
        var keys = new List<SecurityKey>();
        var endorsements = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (string.IsNullOrEmpty(key.Kid) || key.Kty != JsonWebAlgorithmsKeyTypes.RSA)
            {
                continue;
            }

            keys.Add(key);
            endorsements[key.Kid] = ReadEndorsements(key).ToFrozenSet(StringComparer.Ordinal);
        }

        return new BotFrameworkKeys(keys, endorsements.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static IEnumerable<string> ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<string> strings => strings,
            System.Collections.IEnumerable items and not string => items.OfType<object>().Select(i => i.ToString()).OfType<string>(),
            _ => [],
        };
    }
}
