using System.CommandLine;
using KpiBot.Core.Resources;
using KpiBot.Host.Resources;
using KpiBot.Storage;

namespace KpiBot.Host.Cli;

/// <summary><c>kpibot db migrate</c>.</summary>
internal static class DbCommands
{
    public static Command Create(CliEnvironment env)
    {
        var db = new Command("db", "Database maintenance.");
        var migrate = new Command("migrate", "Apply the database migrations of the configured store.");
        migrate.SetAction(async (parse, ct) =>
        {
            using var host = env.BuildHost();
            await KpiBotDatabase.MigrateAsync(host.Services, ct);
            var culture = CliEnvironment.CultureFor(parse.GetValue(CliOptions.Language), host.Services, null);
            var provider = host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:Provider"];
            await env.Output.WriteLineAsync(Localized.Format(CliText.ResourceManager, nameof(CliText.Migrated), culture, provider));
            return 0;
        });
        db.Add(migrate);
        return db;
    }
}
