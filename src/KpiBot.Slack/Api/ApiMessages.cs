using KpiBot.Slack.BlockKit;

namespace KpiBot.Slack.Api;

// The Web API calls the client makes (snake_case JSON bodies) and the parts of their answers it reads.

internal sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<Block> Blocks, string? ThreadTs = null);

internal sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<Block> Blocks);

internal sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block> Blocks);

internal sealed record ConversationsOpenRequest(string Users);

internal sealed record ViewsOpenRequest(string TriggerId, ModalView View);

internal class ApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }
}

internal sealed class MessageResponse : ApiResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

internal sealed class ConversationsOpenResponse : ApiResponse
{
    public IdHolder? Channel { get; init; }
}

internal sealed class UserResponse : ApiResponse
{
    public SlackUserInfo? User { get; init; }
}

internal sealed class UsersListResponse : ApiResponse
{
    public IReadOnlyList<SlackUserInfo>? Members { get; init; }

    public ResponseMetadata? ResponseMetadata { get; init; }
}

internal sealed class ResponseMetadata
{
    /// <summary>Empty (or absent) on the last page.</summary>
    public string? NextCursor { get; init; }
}

internal sealed class AuthTestResponse : ApiResponse
{
    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? TeamId { get; init; }
}

internal sealed class UploadUrlResponse : ApiResponse
{
    public string? UploadUrl { get; init; }

    public string? FileId { get; init; }
}

/// <summary>One file of files.completeUploadExternal's <c>files</c> argument.</summary>
internal sealed record UploadedFile(string Id, string Title);

internal sealed class IdHolder
{
    public string? Id { get; init; }
}
