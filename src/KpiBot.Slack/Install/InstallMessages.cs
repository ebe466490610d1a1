using System.Text.Json.Serialization;
using KpiBot.Slack.Api;

namespace KpiBot.Slack.Install;

/// <summary>The answer of <c>oauth.v2.access</c>: the bot token and the workspace (or organisation) it is for.</summary>
internal sealed class OAuthAccessResponse : ApiResponse
{
    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    public OAuthTeam? Team { get; init; }

    public OAuthTeam? Enterprise { get; init; }

    public OAuthTeam? AuthedUser { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}

internal sealed class OAuthTeam
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

/// <summary>What the OAuth <c>state</c> carries, protected: a nonce that must match the browser's cookie, and when it was made.</summary>
internal sealed record InstallState(string Nonce, long IssuedAt);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OAuthAccessResponse))]
[JsonSerializable(typeof(InstallState))]
internal sealed partial class InstallJsonContext : JsonSerializerContext;
