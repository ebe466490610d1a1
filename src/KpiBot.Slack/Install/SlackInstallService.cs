using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Install;

/// <summary>
/// Finishes an OAuth install (code → bot token → stored encrypted, keyed by the workspace's team id) and forgets
/// a workspace when Slack says the app was uninstalled or its bot token revoked.
/// </summary>
public sealed class SlackInstallService(
    SlackOAuthClient oauth,
    IChatInstallationStore installations,
    InstalledSlackTokens tokens,
    TimeProvider time,
    ILogger<SlackInstallService> logger)
{
    public async Task<InstallOutcome> CompleteAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        OAuthAccessResponse answer;
        try
        {
            answer = await oauth.AccessAsync(code, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            InstallLog.AccessFailed(logger, e.Error);
            return new InstallOutcome.Failed(e.Error);
        }
        catch (SlackRateLimitedException)
        {
            InstallLog.AccessFailed(logger, "ratelimited");
            return new InstallOutcome.Failed("ratelimited");
        }

        if (answer.IsEnterpriseInstall)
        {
            InstallLog.EnterpriseRefused(logger, answer.Enterprise?.Id);
            return new InstallOutcome.EnterpriseRefused();
        }

        if (answer.Team?.Id is not { Length: > 0 } teamId || answer.AccessToken is not { Length: > 0 } token || answer.TokenType is not (null or "bot"))
        {
            InstallLog.AccessFailed(logger, "no_bot_token");
            return new InstallOutcome.Failed("no_bot_token");
        }

        var installation = new ChatInstallation(Platforms.Slack, teamId, tokens.Protect(token), answer.BotUserId, answer.AuthedUser?.Id, time.GetUtcNow());
        await installations.SaveAsync(installation, cancellationToken).ConfigureAwait(false);
        tokens.Forget(teamId);
        InstallLog.Installed(logger, teamId, answer.AuthedUser?.Id);
        return new InstallOutcome.Installed(teamId, answer.Team.Name);
    }

    /// <summary>For <c>SlackInbound.Uninstalled</c>: removes the workspace's installation; true when there was one.</summary>
    public async Task<bool> ForgetAsync(string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var removed = await installations.RemoveAsync(Platforms.Slack, teamId, cancellationToken).ConfigureAwait(false);
        tokens.Forget(teamId);
        if (removed)
        {
            InstallLog.Forgotten(logger, teamId);
        }

        return removed;
    }
}

/// <summary>How an install ended.</summary>
public abstract record InstallOutcome
{
    private InstallOutcome()
    {
    }

    public sealed record Installed(string TeamId, string? TeamName) : InstallOutcome;

    /// <summary>Slack refused the code or the app's credentials (<see cref="Error"/> is Slack's code).</summary>
    public sealed record Failed(string Error) : InstallOutcome;

    /// <summary>An organisation-wide Enterprise Grid install: not supported, install to each workspace.</summary>
    public sealed record EnterpriseRefused : InstallOutcome;
}
