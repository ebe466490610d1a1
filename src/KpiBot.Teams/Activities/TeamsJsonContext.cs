using System.Text.Json;
using System.Text.Json.Serialization;
using KpiBot.Teams.Cards;
using KpiBot.Teams.Connector;

namespace KpiBot.Teams.Activities;

/// <summary>The source-generated System.Text.Json context for everything the Teams adapter reads or writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(CardElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(OutgoingActivity))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(List<ChannelAccount>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
