using System.Text.Json.Serialization;
using KpiBot.Core.Goals;

namespace KpiBot.Storage.Json;

/// <summary>Source-generated JSON for the definitions kept in the store; enums as strings so rows read well.</summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(ReadOnlySetConverter<DayOfWeek>), typeof(ReadOnlySetConverter<DateOnly>)])]
[JsonSerializable(typeof(Kgi))]
[JsonSerializable(typeof(Ksf))]
[JsonSerializable(typeof(Kpi))]
[JsonSerializable(typeof(Kdi))]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(OrganizationSettings))]
[JsonSerializable(typeof(List<DayOfWeek>))]
[JsonSerializable(typeof(List<DateOnly>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
