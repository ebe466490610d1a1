using System.ComponentModel.DataAnnotations;

namespace KpiBot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Every piece is optional: a missing one disables only what needs it
/// (no signing secret → every HTTP request is refused; no bot token → nothing is sent). Secrets come from
/// environment variables (<c>Slack__SigningSecret</c>) or user secrets, never from committed files.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Signs every request Slack sends over HTTP (v0 HMAC-SHA256).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) of a single-workspace install.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>OAuth v2 install (several workspaces).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The Web API base address; tests point it at a fake on 127.0.0.1.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");
}
