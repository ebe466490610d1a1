using Hangfire;
using Hangfire.Storage;
using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Views;
using KpiBot.Host.Jobs;
using KpiBot.Storage;
using KpiBot.Testing;
using KpiBot.Testing.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Slack;

/// <summary>
/// People of the goals file who never wrote to the bot, found in Slack by email through the real host: one by
/// the directory sync, one added to Slack after it (the on-demand lookup), one not in Slack at all. The fake
/// Web API's bot token belongs to workspace FakeSlackApi.TeamId (its auth.test answer).
/// </summary>
public sealed class SlackDirectoryTests
{
    // Friday 2026-11-27 14:00 UTC: 23:00 in Tokyo, 09:00 in New York.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const string Workspace = FakeSlackApi.TeamId;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task RepsWhoNeverWrote_GetTheirPrompt_AfterTheSyncOrByLookup_AndOneNotInSlackIsUnreachable(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Only the lead's start sends here: the host's minutely dispatch would also send Tanaka the reminder due at
        // 23:00 in Tokyo whenever a minute turns during the test (it did, on a loaded machine).
        await using var host = await SlackHost.StartAsync(db, Friday, dispatch: false);
        var slack = host.Slack;
        using (var connection = host.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs();
            Assert.Contains(recurring, j => j.Id == SlackDirectorySyncJob.Id);
            Assert.DoesNotContain(recurring, j => j.Id == DispatchJob.Id);
        }

        slack.AddUser("U0SATO", "sato@example.co.jp");
        slack.AddMember(new FakeSlackMember("U0EMILY", "emily.carter@example.com", "America/New_York", "en-US"));
        slack.AddMember(new FakeSlackMember("U0BOT", "suzuki@example.co.jp", IsBot: true));

        // The daily sync links Emily (and the lead) by email; the bot with Suzuki's address is not a person.
        var synced = await host.InScopeAsync(s => s.GetRequiredService<SlackDirectorySyncJob>().RunAsync(CancellationToken.None));
        Assert.Equal((1, 3, 2, 2), (synced.Workspaces, synced.Seen, synced.Matched, synced.Linked));

        // Tanaka joins Slack after the sync; Suzuki is not in Slack. The lead starts today's check-in.
        slack.AddMember(new FakeSlackMember("U0TANAKA", "tanaka@example.co.jp", "Asia/Singapore", "ja-JP"));
        await host.SlashAsync("U0SATO", "D0SATO", "start");

        // Their prompts (English for Emily, Japanese for Tanaka) are the only messages posted: on Friday, the
        // sales team's weekly day, the daily and the weekly card each.
        var prompts = slack.Of("chat.postMessage");
        Assert.All(prompts, p => Assert.NotNull(SlackPayloads.FirstActions(p.Json)));
        Assert.Equal(["DU0EMILY", "DU0EMILY", "DU0TANAKA", "DU0TANAKA"], prompts.Select(c => c.Json["channel"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["email=suzuki%40example.co.jp", "email=tanaka%40example.co.jp"],
            slack.Of("users.lookupByEmail").Select(c => c.Body).Order(StringComparer.Ordinal));
        var tanaka = new ChatUser(Platforms.Slack, Workspace, "U0TANAKA");
        Assert.Equal("tanaka", await host.InScopeAsync(s => s.GetRequiredService<IIdentityStore>().FindPersonIdAsync(tanaka, CancellationToken.None)));
        Assert.Equal("Asia/Singapore", (await host.InScopeAsync(s => s.GetRequiredService<IChatUserStore>().FindAsync(tanaka, CancellationToken.None)))!.TimeZone);
        var suzuki = await host.InScopeAsync(s => s.GetRequiredService<KpiBotDbContext>().Deliveries.AsNoTracking().SingleAsync(d => d.RecipientId == "suzuki" && d.Kind == OccurrenceKind.DailyPrompt));
        Assert.Equal((DeliveryState.Unreachable, "no_chat_identity"), (suzuki.State, suzuki.Detail));

        // Within the hour Suzuki is not looked up again.
        var again = await host.InScopeAsync(s => s.GetRequiredService<IChatPort>().SendToPersonAsync("suzuki", new MessageView("hello"), CancellationToken.None));
        Assert.Equal(new SendOutcome.Unreachable("no_chat_identity"), again);
        Assert.Single(slack.Of("users.lookupByEmail"), c => c.Body.Contains("suzuki", StringComparison.Ordinal));
    }
}
