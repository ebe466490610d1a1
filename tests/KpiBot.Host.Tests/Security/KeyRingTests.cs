using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KpiBot.Host.Hosting;
using KpiBot.Slack.Install;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Tests.Security;

/// <summary>
/// The Data Protection key ring in the database is encrypted with the operator's certificate (section
/// <c>DataProtection</c>): a database reader sees no key, and every host given the same certificate reads what
/// another wrote; a host without it, or with another one, reads nothing.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Token = "xoxb-installed-workspace-token";
    private const string Password = "pfx-pass-7c1e";

    private readonly string _folder = Directory.CreateTempSubdirectory("kpibot-keyring-").FullName;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task WithACertificate_TheStoredKeysAreNotPlainXml_AndASecondHostWithIt_ReadsTheTokensTheFirstWrote(StorageProvider provider)
    {
        await using var db = await MigratedAsync(provider);
        var pfx = WriteCertificate("current");

        string stored;
        using (var first = BuildHost(db, CertificateSettings(pfx)))
        {
            stored = Protector(first).Protect(Token);
        }

        await using (var context = db.NewContext())
        {
            var key = Assert.Single(await context.DataProtectionKeys.ToListAsync());
            Assert.Contains("EncryptedData", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
        }

        using (var second = BuildHost(db, CertificateSettings(pfx)))
        {
            Assert.Equal(Token, Protector(second).Unprotect(stored));
        }

        // Without the certificate, or with another one, the stored key is useless.
        using (var without = BuildHost(db, new Dictionary<string, string?>()))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(stored));
        }

        using (var other = BuildHost(db, CertificateSettings(WriteCertificate("other"))))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(other).Unprotect(stored));
        }
    }

    [Fact]
    public async Task AfterARotation_ThePreviousCertificateStillReadsOldKeys_AndNewKeysUseTheNewOne()
    {
        await using var db = await MigratedAsync(StorageProvider.Sqlite);
        var old = WriteCertificate("old");
        var current = WriteCertificate("new");
        string stored;
        using (var before = BuildHost(db, CertificateSettings(old)))
        {
            stored = Protector(before).Protect(Token);
        }

        var rotated = new Dictionary<string, string?>(CertificateSettings(current))
        {
            ["DataProtection:PreviousCertificatePath"] = old,
            ["DataProtection:PreviousCertificatePassword"] = Password,
        };
        using (var after = BuildHost(db, rotated))
        {
            Assert.Equal(Token, Protector(after).Unprotect(stored));
        }

        using (var onlyNew = BuildHost(db, CertificateSettings(current)))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(onlyNew).Unprotect(stored));
        }
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData("missing file")]
    [InlineData("no private key")]
    [InlineData("path and thumbprint")]
    public async Task ACertificateThatCannotBeUsed_StopsTheHost_NamingTheSetting_WithoutThePassword(string problem)
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var settings = new Dictionary<string, string?>(CertificateSettings(WriteCertificate("current")));
        switch (problem)
        {
            case "wrong password":
                settings["DataProtection:CertificatePassword"] = "not-the-password";
                break;
            case "missing file":
                settings["DataProtection:CertificatePath"] = Path.Combine(_folder, "absent.pfx");
                break;
            case "no private key":
                using (var withKey = X509CertificateLoader.LoadPkcs12FromFile(settings["DataProtection:CertificatePath"]!, Password))
                {
                    var publicOnly = Path.Combine(_folder, "public.pfx");
                    using var certificate = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
                    File.WriteAllBytes(publicOnly, certificate.Export(X509ContentType.Pkcs12, Password));
                    settings["DataProtection:CertificatePath"] = publicOnly;
                }

                break;
            default:
                settings["DataProtection:CertificateThumbprint"] = "0123456789ABCDEF0123456789ABCDEF01234567";
                break;
        }

        var error = Assert.Throws<OptionsValidationException>(() => BuildHost(db, settings).Dispose());

        Assert.Contains("DataProtection:Certificate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public async Task TheHost_WarnsAtStart_WhenTheKeyRingIsNotEncrypted_InProduction(string environment, bool certificate, bool warned)
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var logs = new RecordingLoggerProvider();
        var settings = certificate ? CertificateSettings(WriteCertificate("current")) : [];
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            foreach (var (key, value) in db.Settings.Concat(settings))
            {
                b.UseSetting(key, value);
            }

            b.UseSetting("KpiBot:SampleGoalsFile", KpiBotConfiguration.SampleGoalsPath);
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        using var client = factory.CreateClient();
        Assert.True((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode);

        Assert.Equal(warned ? 1 : 0, logs.Lines.Count(l => l.EventId == 8 && l.Text.Contains("DataProtection:CertificatePath", StringComparison.Ordinal)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<TestDatabase> MigratedAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        using var host = BuildHost(db, new Dictionary<string, string?>());
        await using var scope = host.Services.CreateAsyncScope();
        await KpiBotDatabase.MigrateAsync(scope.ServiceProvider, CancellationToken.None);
        return db;
    }

    private static Dictionary<string, string?> CertificateSettings(string pfx) => new()
    {
        ["DataProtection:CertificatePath"] = pfx,
        ["DataProtection:CertificatePassword"] = Password,
    };

    /// <summary>The services every host and command builds (AddKpiBotServices) on <paramref name="db"/>.</summary>
    private static IHost BuildHost(TestDatabase db, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(db.Settings.Concat(settings));
        builder.AddKpiBotServices();
        return builder.Build();
    }

    private static IDataProtector Protector(IHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(InstalledSlackTokens.TokenPurpose);

    private string WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=KpiBot key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
