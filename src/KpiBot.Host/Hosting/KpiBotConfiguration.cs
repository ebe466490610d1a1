using Microsoft.Extensions.Configuration.Memory;

namespace KpiBot.Host.Hosting;

/// <summary>
/// Defaults that make a fresh clone run with nothing configured: the embedded SQLite store under
/// <c>data/</c> and the sample goals. They sit below every other source, so appsettings.json in the
/// working directory, environment variables (<c>Storage__Provider</c>) and arguments override them.
/// </summary>
public static class KpiBotConfiguration
{
    public static readonly string SampleGoalsPath = Path.Combine(AppContext.BaseDirectory, "samples", "goals.yaml");

    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["ConnectionStrings:KpiBot"] = "Data Source=data/kpibot.db",
        ["KpiBot:SampleGoalsFile"] = SampleGoalsPath,
        ["KpiBot:ImportSampleWhenEmpty"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Warning",
        ["Logging:LogLevel:Hangfire"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static void AddDefaults(IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
    }
}
