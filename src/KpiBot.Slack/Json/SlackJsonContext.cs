using System.Text.Json.Serialization;
using KpiBot.Slack.Api;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;

namespace KpiBot.Slack.Json;

/// <summary>Source-generated JSON for everything the adapter reads and writes (snake_case, as Slack spells it).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(CardRef))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(ModalView))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(ConversationsOpenRequest))]
[JsonSerializable(typeof(ViewsOpenRequest))]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(List<UploadedFile>))]
[JsonSerializable(typeof(ConversationsOpenResponse))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(UsersListResponse))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(ResponseMessage))]
[JsonSerializable(typeof(ViewSubmissionAck))]
[JsonSerializable(typeof(ConfirmRef))]
[JsonSerializable(typeof(UrlVerificationAnswer))]
[JsonSerializable(typeof(KpiBot.Slack.Handling.SlackHandover))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
