using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KpiBot.Slack.Verification;

/// <summary>
/// Checks Slack's v0 request signature: <c>v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{raw body}"))</c>, with the
/// timestamp within <see cref="Tolerance"/> of now in either direction and a constant-time comparison. Fails
/// closed: no configured secret refuses every request.
/// </summary>
public sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HashHexLength = 64;

    /// <summary>Checks the raw body against the two headers as received.</summary>
    public SignatureCheck Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.MissingSecret;
        }

        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (timestampHeader.Length > 12
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)Tolerance.TotalSeconds)
        {
            return SignatureCheck.StaleTimestamp;
        }

        if (!TryParseSignature(signatureHeader, out var given))
        {
            return SignatureCheck.MalformedSignature;
        }

        var expected = Compute(secret, timestampHeader, body);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    /// <summary>The signature header value Slack would send for this body (for tests and local tools).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }

    private static bool TryParseSignature(string header, out byte[] hash)
    {
        hash = [];
        const string prefix = Version + "=";
        if (header.Length != prefix.Length + HashHexLength || !header.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            hash = Convert.FromHexString(header.AsSpan(prefix.Length));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
