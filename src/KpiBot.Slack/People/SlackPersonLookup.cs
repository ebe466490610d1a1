using KpiBot.Core.Chat;
using KpiBot.Core.Goals;
using KpiBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.People;

/// <summary>
/// Finds a person of the goals file in Slack when a message must reach them and they have no Slack identity
/// yet (added since the last directory sync): users.lookupByEmail with their email in each workspace the bot
/// has a token for; the first person found there is linked and their profile kept. An email found nowhere is
/// remembered for an hour (<see cref="SlackLookupMisses"/>). A workspace that refuses the call for good
/// (<c>invalid_auth</c>, <c>missing_scope</c>, …) is passed over; 429s and passing failures are thrown to the
/// caller (the chat port turns them into outcomes, so the delivery is retried).
/// </summary>
public sealed class SlackPersonLookup(
    IGoalsProvider goals,
    SlackWorkspaces workspaces,
    SlackApiClient client,
    IIdentityStore identities,
    IChatUserStore users,
    SlackLookupMisses misses,
    TimeProvider time,
    ILogger<SlackPersonLookup> logger)
{
    public async Task<ChatUser?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        var model = await goals.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || !model.PeopleById.TryGetValue(personId, out var person) || string.IsNullOrWhiteSpace(person.Email)
            || misses.IsKnownMissing(person.Email))
        {
            return null;
        }

        foreach (var team in await workspaces.TeamIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            SlackUserInfo? found;
            try
            {
                found = await client.FindUserByEmailAsync(team, person.Email, cancellationToken).ConfigureAwait(false);
            }
            catch (SlackApiException e) when (!e.IsTransient)
            {
                Log.CallFailed(logger, "users.lookupByEmail", team, e.Error);
                continue;
            }

            if (found is not null && SlackPeople.IsPerson(found, team))
            {
                var user = new ChatUser(Platforms.Slack, team, found.Id!);
                var now = time.GetUtcNow();
                await identities.LinkAsync(user, personId, now, cancellationToken).ConfigureAwait(false);
                await SlackPeople.SaveProfileAsync(users, SlackPeople.ProfileOf(user, found), now, cancellationToken).ConfigureAwait(false);
                return user;
            }
        }

        misses.Remember(person.Email);
        return null;
    }
}
