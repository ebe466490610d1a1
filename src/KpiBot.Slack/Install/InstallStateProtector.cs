using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace KpiBot.Slack.Install;

/// <summary>
/// Makes and checks the OAuth <c>state</c>: a random nonce and the time it was made, encrypted and signed with
/// ASP.NET Data Protection (purpose <see cref="Purpose"/>, the database key ring shared by all hosts). The same
/// nonce goes into a cookie, so the redirect only counts in the browser that started the install; a state is
/// good for <see cref="Lifetime"/>. (Single use is enforced by the caller.)
/// </summary>
public sealed class InstallStateProtector(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string Purpose = "KpiBot.Slack.OAuthState";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>A new state and the nonce the browser's cookie must carry.</summary>
    public (string State, string Nonce) Create()
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var json = JsonSerializer.Serialize(new InstallState(nonce, time.GetUtcNow().ToUnixTimeSeconds()), InstallJsonContext.Default.InstallState);
        return (_protector.Protect(json), nonce);
    }

    /// <summary>Checks a state that came back against the cookie; on success gives the nonce (to mark it used).</summary>
    public StateCheck Check(string? state, string? cookie, out string nonce)
    {
        nonce = string.Empty;
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookie))
        {
            return StateCheck.Missing;
        }

        InstallState? read;
        try
        {
            read = JsonSerializer.Deserialize(_protector.Unprotect(state), InstallJsonContext.Default.InstallState);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return StateCheck.Forged;
        }

        if (read is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(read.Nonce), Encoding.UTF8.GetBytes(cookie)))
        {
            return StateCheck.Forged;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(read.IssuedAt);
        if (age > Lifetime || age < -TimeSpan.FromMinutes(1))
        {
            return StateCheck.Expired;
        }

        nonce = read.Nonce;
        return StateCheck.Valid;
    }
}

/// <summary>How a returned OAuth state fared.</summary>
public enum StateCheck
{
    Valid,

    /// <summary>No state in the redirect, or no cookie in the browser (another browser, cookies off, already used).</summary>
    Missing,

    /// <summary>Not made by us, or made for another browser.</summary>
    Forged,

    /// <summary>Older than <see cref="InstallStateProtector.Lifetime"/>.</summary>
    Expired,

    /// <summary>Used once already.</summary>
    Replayed,
}
