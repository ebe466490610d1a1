using System.ComponentModel.DataAnnotations;
using KpiBot.Storage;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Hosting;

/// <summary>Section <c>Storage</c> plus <c>ConnectionStrings:KpiBot</c>, validated at start.</summary>
public sealed class StorageSettings : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    public string? ConnectionString { get; set; }

    /// <summary>How often a host checks whether another host imported new goals (a tiny query).</summary>
    public TimeSpan GoalsCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public static StorageSettings From(IConfiguration configuration)
    {
        var settings = new StorageSettings();
        configuration.GetSection(Section).Bind(settings);
        settings.ConnectionString = configuration.GetConnectionString("KpiBot");
        return settings;
    }

    public StorageOptions ToStorageOptions()
    {
        var errors = Validate(new ValidationContext(this)).ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(StorageSettings), errors.Select(e => e.ErrorMessage ?? ""));
        }

        return new StorageOptions
        {
            Provider = Enum.Parse<StorageProvider>(Provider, ignoreCase: true),
            ConnectionString = ConnectionString!,
            GoalsCheckInterval = GoalsCheckInterval,
        };
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.TryParse<StorageProvider>(Provider, ignoreCase: true, out _))
        {
            yield return new ValidationResult(
                $"Storage:Provider is '{Provider}'; it must be Sqlite or Postgres.", [nameof(Provider)]);
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "ConnectionStrings:KpiBot is empty; set it (for SQLite, e.g. 'Data Source=data/kpibot.db').",
                [nameof(ConnectionString)]);
        }
    }
}
