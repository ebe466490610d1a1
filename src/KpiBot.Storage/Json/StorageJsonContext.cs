using System.Text.Json.Serialization;
using KpiBot.Core.Goals;

namespace KpiBot.Storage.Json;

/// <summary>Source-generated JSON for the definitions kept in the store; enums as strings so rows read well.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Kgi))]
[JsonSerializable(typeof(Ksf))]
[JsonSerializable(typeof(Kpi))]
[JsonSerializable(typeof(Kdi))]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(OrganizationSettings))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
