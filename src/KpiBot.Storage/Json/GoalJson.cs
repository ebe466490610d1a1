using System.Text.Json;
using KpiBot.Core.Goals;

namespace KpiBot.Storage.Json;

/// <summary>Reads and writes the JSON definitions kept in the store, through <see cref="StorageJsonContext"/>.</summary>
internal static class GoalJson
{
    public static string Write(GoalNode node) => node switch
    {
        Kgi kgi => JsonSerializer.Serialize(kgi, StorageJsonContext.Default.Kgi),
        Ksf ksf => JsonSerializer.Serialize(ksf, StorageJsonContext.Default.Ksf),
        Kpi kpi => JsonSerializer.Serialize(kpi, StorageJsonContext.Default.Kpi),
        Kdi kdi => JsonSerializer.Serialize(kdi, StorageJsonContext.Default.Kdi),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown node type."),
    };

    public static GoalNode ReadNode(string kind, string json) => Enum.Parse<GoalKind>(kind) switch
    {
        GoalKind.Kgi => Read(json, StorageJsonContext.Default.Kgi),
        GoalKind.Ksf => Read(json, StorageJsonContext.Default.Ksf),
        GoalKind.Kpi => Read(json, StorageJsonContext.Default.Kpi),
        GoalKind.Kdi => Read(json, StorageJsonContext.Default.Kdi),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown node kind."),
    };

    public static string Write(Team team) => JsonSerializer.Serialize(team, StorageJsonContext.Default.Team);

    public static Team ReadTeam(string json) => Read(json, StorageJsonContext.Default.Team);

    public static string Write(Person person) => JsonSerializer.Serialize(person, StorageJsonContext.Default.Person);

    public static Person ReadPerson(string json) => Read(json, StorageJsonContext.Default.Person);

    public static string Write(OrganizationSettings organization) =>
        JsonSerializer.Serialize(organization, StorageJsonContext.Default.OrganizationSettings);

    public static OrganizationSettings ReadOrganization(string json) =>
        Read(json, StorageJsonContext.Default.OrganizationSettings);

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
