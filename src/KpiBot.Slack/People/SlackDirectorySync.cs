using KpiBot.Core.Chat;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.People;

/// <summary>
/// Links the people of the goals file to their Slack users before they ever write to the bot: for each
/// workspace the bot has a token for (<see cref="SlackWorkspaces"/>) it pages through users.list, and each
/// Slack user who is a person there (<see cref="SlackPeople.IsPerson"/>) is handed to Core's <see cref="ChatDirectory"/>, which
/// links them to the active person with their email (unless already) and keeps their profile (time zone, locale, name), so the file's
/// missing time zones come from Slack. Page by page: the directory is never held whole. Linking is idempotent,
/// so a run on two hosts at once does no harm.
/// </summary>
public sealed class SlackDirectorySync(
    SlackWorkspaces workspaces,
    SlackApiClient client,
    ChatDirectory directory,
    ILogger<SlackDirectorySync> logger)
{
    public async Task<SlackDirectorySyncResult> RunAsync(CancellationToken cancellationToken)
    {
        var total = new SlackDirectorySyncResult(0, 0, 0, 0, 0);
        foreach (var team in await workspaces.TeamIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var result = await SyncAsync(team, cancellationToken).ConfigureAwait(false);
                Log.DirectorySynced(logger, team, result.Seen, result.Matched, result.Linked);
                total = total.Add(result);
            }
            catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
            {
                // This workspace waits for the next run (or first contact); the others go on.
                Log.CallFailed(logger, "users.list", team, e.Message);
                total = total with { Failed = total.Failed + 1 };
            }
        }

        return total;
    }

    private async Task<SlackDirectorySyncResult> SyncAsync(string team, CancellationToken ct)
    {
        int seen = 0, matched = 0, linked = 0;
        await foreach (var page in client.ListUsersAsync(team, ct).ConfigureAwait(false))
        {
            foreach (var member in page)
            {
                seen++;
                if (!SlackPeople.IsPerson(member, team))
                {
                    continue;
                }

                var learned = await directory.LearnAsync(SlackPeople.ProfileOf(new ChatUser(Platforms.Slack, team, member.Id!), member), keepStrangers: false, ct).ConfigureAwait(false);
                matched += learned == ChatLearned.NotAPerson ? 0 : 1;
                linked += learned == ChatLearned.Linked ? 1 : 0;
            }
        }

        return new SlackDirectorySyncResult(1, seen, matched, linked, 0);
    }
}

/// <summary>What a sync did: workspaces synced, Slack users seen, matched to a person, newly linked; workspaces that failed.</summary>
public sealed record SlackDirectorySyncResult(int Workspaces, int Seen, int Matched, int Linked, int Failed)
{
    public SlackDirectorySyncResult Add(SlackDirectorySyncResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Workspaces + other.Workspaces, Seen + other.Seen, Matched + other.Matched, Linked + other.Linked, Failed + other.Failed);
    }
}
