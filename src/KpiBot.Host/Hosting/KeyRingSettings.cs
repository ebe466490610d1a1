using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Section <c>DataProtection</c>: the certificate that encrypts the Data Protection key ring stored in the database
/// (which in turn encrypts installed workspaces' tokens and sign-in links). Without one the keys are stored as plain
/// XML beside what they protect, so whoever reads the database can decrypt the tokens; the host warns about it in
/// Production. A configured certificate that cannot be loaded stops the host (fail closed), never a silent fallback.
/// </summary>
public sealed class KeyRingSettings
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its RSA private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx file's password (from the environment or a secret store: <c>DataProtection__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate with its private key in the CurrentUser or LocalMachine "My" store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The certificate used before a rotation: it only decrypts keys written under it, new keys use the current one.</summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }

    /// <summary>Whether a certificate is configured (the key ring is then stored encrypted).</summary>
    public bool Encrypted => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(CertificateThumbprint);

    public static KeyRingSettings From(IConfiguration configuration)
    {
        var settings = new KeyRingSettings();
        configuration.GetSection(Section).Bind(settings);
        return settings;
    }

    /// <summary>The certificate that encrypts new keys, or null when none is configured.</summary>
    public X509Certificate2? LoadCurrent()
    {
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !string.IsNullOrWhiteSpace(CertificateThumbprint))
        {
            throw Invalid("set DataProtection:CertificatePath or DataProtection:CertificateThumbprint, not both.");
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath))
        {
            return LoadFile(nameof(CertificatePath), CertificatePath, CertificatePassword);
        }

        return string.IsNullOrWhiteSpace(CertificateThumbprint) ? null : LoadFromStore(CertificateThumbprint);
    }

    /// <summary>The previous certificate (decrypts older keys only), or null.</summary>
    public X509Certificate2? LoadPrevious() =>
        string.IsNullOrWhiteSpace(PreviousCertificatePath) ? null : LoadFile(nameof(PreviousCertificatePath), PreviousCertificatePath, PreviousCertificatePassword);

    private static X509Certificate2 LoadFile(string key, string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The exception's own words, never the password.
            throw Invalid($"DataProtection:{key} '{path}' could not be loaded: {ex.Message}");
        }

        return WithRsaPrivateKey(certificate, $"DataProtection:{key} '{path}'");
    }

    private static X509Certificate2 LoadFromStore(string thumbprint)
    {
        var wanted = thumbprint.Replace(" ", "", StringComparison.Ordinal);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                if (found.Count > 0)
                {
                    return WithRsaPrivateKey(found[0], $"DataProtection:CertificateThumbprint {wanted} ({location}\\My)");
                }
            }
            catch (CryptographicException)
            {
                // That store does not exist on this machine: try the next.
            }
        }

        throw Invalid($"DataProtection:CertificateThumbprint {wanted}: no such certificate in the CurrentUser or LocalMachine \"My\" store.");
    }

    private static X509Certificate2 WithRsaPrivateKey(X509Certificate2 certificate, string what)
    {
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw Invalid($"{what} has no RSA private key; the key ring needs one to encrypt and decrypt its keys.");
        }

        return certificate;
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Section, typeof(KeyRingSettings), [message]);
}
