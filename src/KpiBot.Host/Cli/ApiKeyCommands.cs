using System.CommandLine;
using System.Globalization;
using KpiBot.Core.ApiKeys;
using KpiBot.Storage;

namespace KpiBot.Host.Cli;

/// <summary>
/// <c>kpibot apikey create --name N --scope read|write [--team T]</c> (prints the key once), <c>apikey list</c>,
/// <c>apikey revoke --name N</c>. Keys are stored hashed; a lost key is revoked and replaced.
/// </summary>
internal static class ApiKeyCommands
{
    public static Command Create(CliEnvironment env)
    {
        var apikey = new Command("apikey", "Create, list and revoke keys of the REST API.");
        apikey.Add(CreateKey(env));
        apikey.Add(List(env));
        apikey.Add(Revoke(env));
        return apikey;
    }

    private static Command CreateKey(CliEnvironment env)
    {
        var name = new Option<string>("--name") { Description = "A name for the key, shown in logs (e.g. crm).", Required = true };
        var scope = new Option<string>("--scope") { Description = "read, or write (read and write).", Required = true };
        scope.AcceptOnlyFromAmong("read", "write");
        var team = new Option<string?>("--team") { Description = "Limit the key to one team's data." };
        var command = new Command("create", "Create a key; it is printed once and stored only as a hash.") { name, scope, team };
        command.SetAction((parse, ct) => env.WithStoreAsync(async (_, services) =>
        {
            var teamId = parse.GetValue(team);
            if (teamId is not null)
            {
                var model = await services.GetRequiredService<GoalsStore>().LoadCurrentAsync(ct);
                if (model is null || !model.TeamsById.ContainsKey(teamId))
                {
                    await env.Error.WriteLineAsync($"There is no team '{teamId}'." + (model is null ? " Import the goals first." : $" Teams: {string.Join(", ", model.Teams.Select(t => t.Id))}."));
                    return 1;
                }
            }

            var keyScope = parse.GetRequiredValue(scope) == "write" ? ApiKeyScope.Write : ApiKeyScope.Read;
            var created = await services.GetRequiredService<ApiKeyService>()
                .CreateAsync(parse.GetRequiredValue(name), keyScope, teamId, "cli:" + Environment.UserName, ct);
            if (created is not { } made)
            {
                await env.Error.WriteLineAsync($"A key named '{parse.GetRequiredValue(name)}' already exists; revoke it first or choose another name.");
                return 1;
            }

            await env.Output.WriteLineAsync(made.Secret);
            await env.Error.WriteLineAsync(
                $"Created key '{made.Key.Name}' ({made.Key.Scope.ToString().ToLowerInvariant()}, {(teamId is null ? "all teams" : "team " + teamId)}). "
                + "This is the only time it is shown: store it now. Send it as 'Authorization: Bearer <key>'.");
            return 0;
        }, ct));
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var command = new Command("list", "List keys (names, scopes, teams; never the keys).");
        command.SetAction((parse, ct) => env.WithStoreAsync(async (_, services) =>
        {
            var keys = await services.GetRequiredService<IApiKeyStore>().ListAsync(ct);
            await env.Output.WriteLineAsync("name\tscope\tteam\tprefix\tcreated\trevoked");
            foreach (var key in keys)
            {
                await env.Output.WriteLineAsync(string.Join('\t',
                    key.Name, key.Scope.ToString().ToLowerInvariant(), key.TeamId ?? "*", "kpb_" + key.Prefix,
                    key.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    key.RevokedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-"));
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Revoke(CliEnvironment env)
    {
        var name = new Option<string>("--name") { Description = "The key's name.", Required = true };
        var command = new Command("revoke", "Revoke a key: it is refused from the next request on.") { name };
        command.SetAction((parse, ct) => env.WithStoreAsync(async (host, services) =>
        {
            var revoked = await services.GetRequiredService<IApiKeyStore>()
                .RevokeAsync(parse.GetRequiredValue(name), host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            if (!revoked)
            {
                await env.Error.WriteLineAsync($"There is no active key named '{parse.GetRequiredValue(name)}'.");
                return 1;
            }

            await env.Output.WriteLineAsync($"Revoked '{parse.GetRequiredValue(name)}'.");
            return 0;
        }, ct));
        return command;
    }
}
