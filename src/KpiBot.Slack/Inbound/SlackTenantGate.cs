using KpiBot.Slack.People;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// Tenant isolation: a verified request from a Slack workspace KpiBot does not serve (neither the configured
/// <c>Slack:BotToken</c>'s workspace nor one installed through OAuth, <see cref="SlackWorkspaces"/>) is refused
/// before anything is read or stored for it: a signature proves Slack sent it, not that it is one of ours (the app
/// may be installed elsewhere without a token here, or a shared channel may carry another organisation's people),
/// and answering it would link its people to ours by email and show them our numbers. Asked by the HTTP endpoint
/// (403) and by the shared handler (Socket Mode: the envelope is acknowledged and dropped).
/// </summary>
public sealed class SlackTenantGate(SlackWorkspaces workspaces, ILogger<SlackTenantGate> logger)
{
    /// <summary>True for what names no workspace (url_verification, ignored) and for a served workspace's requests.</summary>
    public async ValueTask<bool> AllowsAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (TeamOf(inbound) is not { } team)
        {
            return true;
        }

        if (!string.IsNullOrEmpty(team) && await workspaces.IsServedAsync(team, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        Log.OtherWorkspace(logger, team, inbound.GetType().Name);
        return false;
    }

    /// <summary>The workspace a request comes from, or null for one that names none.</summary>
    public static string? TeamOf(SlackInbound inbound) => inbound switch
    {
        SlackInbound.Command c => c.Message.User.TenantId,
        SlackInbound.Clicked c => c.Message.User.TenantId,
        SlackInbound.OpenCheckIn o => o.User.TenantId,
        SlackInbound.OpenReport o => o.User.TenantId,
        SlackInbound.Report r => r.Value.User.TenantId,
        SlackInbound.Submission s => s.Value.User.TenantId,
        SlackInbound.Uninstalled u => u.TeamId,
        _ => null,
    };
}
