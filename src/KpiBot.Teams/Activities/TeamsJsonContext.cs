using System.Text.Json;
using System.Text.Json.Serialization;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Activities;

/// <summary>The source-generated System.Text.Json context for everything the Teams adapter reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(CardElement))]
[JsonSerializable(typeof(string))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
