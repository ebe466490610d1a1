using System.Text.Json;
using System.Text.Json.Serialization;

namespace KpiBot.Teams.Activities;

/// <summary>The source-generated System.Text.Json context for everything the Teams adapter reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
