using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Digest;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Rollup;
using KpiBot.Core.Scheduling;
using KpiBot.Core.Tests.GoalsFile;
using KpiBot.Core.Views;
using KpiBot.Testing.Engine;

namespace KpiBot.Core.Tests.Engine;

public class DeliveryServiceTests
{
    private static readonly DateOnly Mon = new(2026, 11, 30);
    private static readonly DateTimeOffset PromptDue = new(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);   // 17:30 JST

    private static async Task<(EngineWorld World, long Id)> ClaimedAsync(OccurrenceKind kind = OccurrenceKind.DailyPrompt, string person = "tanaka")
    {
        var world = new EngineWorld(PromptDue);
        var due = kind == OccurrenceKind.DailyReminder ? PromptDue.AddHours(2) : PromptDue;
        var id = Assert.Single(await world.Deliveries.ClaimAsync([new Occurrence(kind, person, Mon, due)], PromptDue, CancellationToken.None));
        return (world, id);
    }

    private static DeliveryState StateOf(EngineWorld world, long id) => world.Deliveries.All.Single(d => d.Id == id).State;

    [Fact]
    public async Task Send_APrompt_DeliversTheCard_AndKeepsItsMessageReference()
    {
        var (world, id) = await ClaimedAsync();

        var step = await world.Sender.SendAsync(id, CancellationToken.None);

        Assert.Equal(DeliveryStep.Done, step);
        var card = Assert.IsType<CheckInPromptView>(Assert.Single(world.Chat.To("tanaka")).View);
        Assert.Equal("DailyPrompt:tanaka:2026-11-30", card.OccurrenceKey);
        var row = world.Deliveries.All.Single();
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.NotNull(row.Message);
    }

    [Fact]
    public async Task Send_APromptPlannedInTheTeamsZone_ForSomeoneInAZoneBehind_WaitsForTheirOwnEvening()
    {
        // Tanaka's team is in Tokyo; his chat profile, learnt only now, says Los Angeles, where Monday 17:30 is
        // Tuesday 01:30 UTC. Asked now, it would be half past midnight on the Monday he is asked about.
        var world = new EngineWorld(PromptDue, chatSource: new ProfileOnlyPlatform());
        await world.ChatUsers.SaveAsync(new ChatUserInfo(EngineAddresses.UserOf("tanaka"), TimeZone: "America/Los_Angeles"), PromptDue, CancellationToken.None);
        var id = Assert.Single(await world.Deliveries.ClaimAsync([new Occurrence(OccurrenceKind.DailyPrompt, "tanaka", Mon, PromptDue)], PromptDue, CancellationToken.None));
        var evening = new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero);

        var step = await world.Sender.SendAsync(id, CancellationToken.None);
        Assert.Equal(DeliveryStep.Retry(evening), step);
        Assert.Empty(world.Chat.To("tanaka"));

        world.Time.SetUtcNow(evening);
        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));
        var card = Assert.IsType<CheckInPromptView>(Assert.Single(world.Chat.To("tanaka")).View);
        Assert.Equal(Mon, card.WorkDay);
    }

    [Fact]
    public async Task Send_APromptPlannedInTheTeamsZone_ForSomeoneInAZoneADayAhead_IsNotAskedForYesterday()
    {
        // The team works from Los Angeles: Monday 17:30 there is Tuesday 10:30 in Tokyo, where Tanaka turns out
        // to be. His Monday prompt fell due at 17:30 Tokyo time, long past: nothing is sent for "yesterday".
        var model = GoalsFileLoader.Load(GoalsYaml.SampleText().Replace("    time_zone: Asia/Tokyo\n    working_days", "    time_zone: America/Los_Angeles\n    working_days", StringComparison.Ordinal), "goals.yaml").Model!;
        Assert.Equal("America/Los_Angeles", model.TeamsById["sales"].TimeZone);
        var due = new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero);
        var world = new EngineWorld(due, model, new ProfileOnlyPlatform());
        await world.ChatUsers.SaveAsync(new ChatUserInfo(EngineAddresses.UserOf("tanaka"), TimeZone: "Asia/Tokyo"), due, CancellationToken.None);
        var id = Assert.Single(await world.Deliveries.ClaimAsync([new Occurrence(OccurrenceKind.DailyPrompt, "tanaka", Mon, due)], due, CancellationToken.None));

        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));

        Assert.Empty(world.Chat.To("tanaka"));
        Assert.Equal(DeliveryState.Skipped, StateOf(world, id));
    }

    [Fact]
    public async Task Send_TheFirstPromptOfSomeoneFoundInSlackByEmail_InAZoneADayAhead_IsNotAskedForYesterday()
    {
        // Issue 9 item 15. Tanaka never wrote and has no Slack link; his team plans in Los Angeles. At send time
        // he is found in Slack by his email, in Tokyo, where his Monday evening has long passed: he is linked and
        // his zone learnt before the day is settled, and no prompt for "yesterday" goes out.
        var model = GoalsFileLoader.Load(GoalsYaml.SampleText().Replace("    time_zone: Asia/Tokyo\n    working_days", "    time_zone: America/Los_Angeles\n    working_days", StringComparison.Ordinal), "goals.yaml").Model!;
        var due = new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero);
        var slackUser = new ChatUser(Platforms.Slack, "T1", "UTANAKA");
        var slack = new EmailPlatform(new ChatUserInfo(slackUser, Email: "tanaka@example.co.jp", TimeZone: "Asia/Tokyo"));
        var world = new EngineWorld(due, model, slack);
        var id = Assert.Single(await world.Deliveries.ClaimAsync([new Occurrence(OccurrenceKind.DailyPrompt, "tanaka", Mon, due)], due, CancellationToken.None));

        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));

        Assert.Empty(world.Chat.To("tanaka"));
        Assert.Equal(DeliveryState.Skipped, StateOf(world, id));
        Assert.Equal(["tanaka@example.co.jp"], slack.EmailLookups);
        Assert.Equal("tanaka", await world.Directory.FindPersonIdAsync(slackUser, CancellationToken.None));
    }

    /// <summary>A Slack that finds one person by email.</summary>
    private sealed class EmailPlatform(ChatUserInfo person) : IChatProfileSource
    {
        public List<string> EmailLookups { get; } = [];

        public string Platform => Platforms.Slack;

        public Task<ChatLookup<ChatUserInfo>> ProfileAsync(ChatUser user, CancellationToken cancellationToken) => Task.FromResult(ChatLookup.NotFound<ChatUserInfo>());

        public Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string email, CancellationToken cancellationToken)
        {
            EmailLookups.Add(email);
            return Task.FromResult(string.Equals(email, person.Email, StringComparison.OrdinalIgnoreCase) ? ChatLookup.Found(person) : ChatLookup.NotFound<ChatUserInfo>());
        }

        public Task<ChatLookup<ConversationAddress>> OpenPersonalAsync(ChatUserInfo user, CancellationToken cancellationToken) =>
            Task.FromResult(ChatLookup.Found(new ConversationAddress(Platforms.Slack, user.User.TenantId, "D" + user.User.UserId)));
    }

    /// <summary>A platform that knows people only by what it told before (their stored profile).</summary>
    private sealed class ProfileOnlyPlatform : IChatProfileSource
    {
        public string Platform => Platforms.Test;

        public Task<ChatLookup<ChatUserInfo>> ProfileAsync(ChatUser user, CancellationToken cancellationToken) => Task.FromResult(ChatLookup.NotFound<ChatUserInfo>());

        public Task<ChatLookup<ChatUserInfo>> FindByEmailAsync(string email, CancellationToken cancellationToken) => Task.FromResult(ChatLookup.NotFound<ChatUserInfo>());

        public Task<ChatLookup<ConversationAddress>> OpenPersonalAsync(ChatUserInfo user, CancellationToken cancellationToken) =>
            Task.FromResult(ChatLookup.Found(new ConversationAddress(Platforms.Test, user.User.TenantId, "dm:" + user.User.UserId)));
    }

    [Fact]
    public async Task Send_Twice_SendsOnce_AndASendCutOffOnTheWireIsNotRepeated()
    {
        var (world, id) = await ClaimedAsync();
        await world.Sender.SendAsync(id, CancellationToken.None);
        await world.Sender.SendAsync(id, CancellationToken.None);
        Assert.Single(world.Chat.To("tanaka"));

        // The host died with the post on the wire (it may have arrived): the retry marks it Unknown and sends nothing.
        var (other, second) = await ClaimedAsync(person: "suzuki");
        other.Chat.OnPost = _ => throw new IOException("the host died with the post on the wire");
        await Assert.ThrowsAsync<IOException>(() => other.Sender.SendAsync(second, CancellationToken.None));
        Assert.Equal(DeliveryState.Sending, StateOf(other, second));
        other.Chat.OnPost = null;
        await other.Sender.SendAsync(second, CancellationToken.None);
        Assert.Empty(other.Chat.To("suzuki"));
        Assert.Equal(DeliveryState.Unknown, StateOf(other, second));
    }

    [Fact]
    public async Task Send_WhoseHostDiedGettingTheMessageReady_IsHandedOverOnceStuck_AndSentOnce()
    {
        var (world, id) = await ClaimedAsync();
        // A host took it and died before posting (kill -9 while it read the person and built the card).
        await world.Deliveries.BeginSendAsync(id, PromptDue, CancellationToken.None);
        world.Deliveries.Drain();

        world.Time.Advance(TimeSpan.FromMinutes(1));
        await world.Dispatcher.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(id, world.Deliveries.Drain()); // maybe only slow: not yet
        world.Time.Advance(new DeliveryOptions().StuckAfter);
        await world.Dispatcher.RunAsync(CancellationToken.None);
        Assert.Contains(id, world.Deliveries.Drain());

        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));
        Assert.IsType<CheckInPromptView>(Assert.Single(world.Chat.To("tanaka")).View);
        Assert.Equal((DeliveryState.Sent, 2), world.Deliveries.All.Single(d => d.Id == id) is var row ? (row.State, row.Attempts) : default);
    }

    [Fact]
    public async Task Send_WhenTheDatabaseFailsBeforeThePost_IsTakenOverByTheRetry_AndSentOnce()
    {
        var (world, id) = await ClaimedAsync();
        var days = new DaysFailingOnce(world.Store);
        var sender = new DeliveryService(
            world.Deliveries, world.Chat, world.Goals, days, world.Store, world.Store, world.Directory, new CheckInPrompts(world.Store),
            new DigestBuilder(new RollupService(world.Store), world.Store, world.Store, world.Time), world.Time, new DeliveryOptions(), world.ChatDirectory);

        await Assert.ThrowsAsync<TimeoutException>(() => sender.SendAsync(id, CancellationToken.None));
        Assert.Equal(DeliveryState.Preparing, StateOf(world, id));
        Assert.Empty(world.Chat.Sent);

        // The job's automatic retry, once the database is back.
        Assert.Equal(DeliveryStep.Done, await sender.SendAsync(id, CancellationToken.None));
        Assert.Single(world.Chat.To("tanaka"));
        Assert.Equal(DeliveryState.Sent, StateOf(world, id));
    }

    [Fact]
    public async Task Send_TakenOverWhileItGotTheMessageReady_PostsNothing_AndLeavesTheRowToItsNewSender()
    {
        var (world, id) = await ClaimedAsync();
        var slow = new DaysFailingOnce(world.Store)
        {
            // While this sender reads the day, it is taken for stuck and another sender takes the row over.
            OnTimeOff = async () => await world.Deliveries.BeginSendAsync(id, PromptDue, CancellationToken.None),
        };
        var sender = new DeliveryService(
            world.Deliveries, world.Chat, world.Goals, slow, world.Store, world.Store, world.Directory, new CheckInPrompts(world.Store),
            new DigestBuilder(new RollupService(world.Store), world.Store, world.Store, world.Time), world.Time, new DeliveryOptions(), world.ChatDirectory);

        Assert.Equal(DeliveryStep.Done, await sender.SendAsync(id, CancellationToken.None));

        Assert.Empty(world.Chat.Sent);
        Assert.Equal((DeliveryState.Preparing, 2), world.Deliveries.All.Single(d => d.Id == id) is var row ? (row.State, row.Attempts) : default);
    }

    [Fact]
    public async Task SendBatch_ReadsWhatItsCardsNeedOnce_AndSendsEachRowFromIt_AsEachWouldHaveBeenSentAlone()
    {
        var world = new EngineWorld(PromptDue);
        var ids = await world.Deliveries.ClaimAsync(
            [
                new Occurrence(OccurrenceKind.DailyPrompt, "tanaka", Mon, PromptDue),
                new Occurrence(OccurrenceKind.DailyPrompt, "suzuki", Mon, PromptDue),
                new Occurrence(OccurrenceKind.WeeklyPrompt, "suzuki", Mon, PromptDue),
                new Occurrence(OccurrenceKind.DailyReminder, "tanaka", Mon, PromptDue),
            ],
            PromptDue,
            CancellationToken.None);
        await world.Store.RecordAsync(new CheckInEntry("tanaka", "daily-calls", Mon, 20m), "tanaka", PromptDue, CancellationToken.None);
        await world.Store.AddTimeOffAsync("suzuki", Mon, Mon, "leave", PromptDue, CancellationToken.None);
        var days = new DaysFailingOnce(world.Store) { OnTimeOff = () => Task.CompletedTask };
        var sender = new DeliveryService(
            world.Deliveries, world.Chat, world.Goals, days, world.Store, world.Store, world.Directory, new CheckInPrompts(world.Store),
            new DigestBuilder(new RollupService(world.Store), world.Store, world.Store, world.Time), world.Time, new DeliveryOptions(), world.ChatDirectory);

        var batch = await sender.BeginAsync(ids, CancellationToken.None);
        Assert.Equal(ids, batch.Taken.Select(r => r.Id));
        Assert.All(batch.Taken, r => Assert.Equal((DeliveryState.Preparing, 1), (r.State, r.Attempts)));
        Assert.Equal(1, days.TimeOffReads);
        foreach (var row in batch.Taken)
        {
            Assert.Equal(DeliveryStep.Done, await sender.SendAsync(batch, row, CancellationToken.None));
        }

        Assert.Equal(1, days.TimeOffReads); // nothing read again per row
        var tanaka = Assert.IsType<CheckInPromptView>(Assert.Single(world.Chat.To("tanaka")).View);
        Assert.Equal(20m, Assert.Single(tanaka.Lines, l => l.KdiId == "daily-calls").CurrentValue);
        var weekly = Assert.IsType<CheckInPromptView>(Assert.Single(world.Chat.To("suzuki")).View);   // the daily one is for a day off
        Assert.Equal(KdiCadence.Weekly, weekly.Cadence);
        Assert.Equal(
            [DeliveryState.Sent, DeliveryState.Skipped, DeliveryState.Sent, DeliveryState.Skipped],   // the reminder: tanaka answered
            ids.Select(id => StateOf(world, id)));
    }

    /// <summary>The day store of the world, whose first time-off read fails as a database that went away does (or runs a hook).</summary>
    private sealed class DaysFailingOnce(IDayStore inner) : IDayStore
    {
        private int _reads;

        public Func<Task>? OnTimeOff { get; init; }

        public int TimeOffReads => _reads;

        public Task SkipAsync(string personId, DateOnly day, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.SkipAsync(personId, day, reason, now, cancellationToken);

        public Task AddTimeOffAsync(string personId, DateOnly first, DateOnly last, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.AddTimeOffAsync(personId, first, last, reason, now, cancellationToken);

        public Task<IReadOnlyDictionary<string, DayState>> StatesAsync(IReadOnlyCollection<string> personIds, DateOnly day, CancellationToken cancellationToken) =>
            inner.StatesAsync(personIds, day, cancellationToken);

        public Task<IReadOnlyList<PersonDay>> HistoryAsync(IReadOnlyCollection<string> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            inner.HistoryAsync(personIds, from, to, cancellationToken);

        public async Task<IReadOnlyDictionary<string, IReadOnlySet<DateOnly>>> TimeOffAsync(IReadOnlyCollection<string> personIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _reads) == 1)
            {
                if (OnTimeOff is null)
                {
                    throw new TimeoutException("the database went away");
                }

                await OnTimeOff();
            }

            return await inner.TimeOffAsync(personIds, from, to, cancellationToken);
        }
    }

    [Fact]
    public async Task Send_RateLimited_RetriesWhenThePlatformSays_HoweverOften_UntilTooOld()
    {
        var (world, id) = await ClaimedAsync();
        world.Chat.Script("tanaka", Enumerable.Repeat<SendOutcome>(new SendOutcome.RateLimited(TimeSpan.FromSeconds(30)), 10).ToArray());

        for (var i = 0; i < 10; i++)
        {
            var step = await world.Sender.SendAsync(id, CancellationToken.None);
            Assert.Equal(world.Time.GetUtcNow() + TimeSpan.FromSeconds(30), step.RetryAt);
            Assert.Equal(DeliveryState.Pending, StateOf(world, id));
            world.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));
        Assert.Equal(DeliveryState.Sent, StateOf(world, id));

        var (late, lateId) = await ClaimedAsync(person: "suzuki");
        late.Chat.Script("suzuki", new SendOutcome.RateLimited(TimeSpan.FromSeconds(30)));
        late.Time.Advance(new DeliveryOptions().GiveUpAfter);
        Assert.Equal(DeliveryStep.Done, await late.Sender.SendAsync(lateId, CancellationToken.None));
        Assert.Equal(DeliveryState.Failed, StateOf(late, lateId));
    }

    [Fact]
    public async Task Send_ADigestToThreeChannels_WhenTheLastIsRateLimited_TheRetryPostsOnlyTheLast()
    {
        var world = new EngineWorld(PromptDue);
        var team = world.Model.Teams[0].Id;
        await world.Directory.LinkAsync(new ConversationAddress(Platforms.Slack, "T1", "C-SALES"), team, "lead", PromptDue, CancellationToken.None);
        await world.Directory.LinkAsync(new ConversationAddress(Platforms.Slack, "T1", "C-ARCHIVED"), team, "lead", PromptDue, CancellationToken.None);
        await world.Directory.LinkAsync(new ConversationAddress(Platforms.Teams, "tenant", "19:sales@thread", "https://smba.example/"), team, "lead", PromptDue, CancellationToken.None);
        var links = await world.Directory.LinksOfTeamAsync(team, CancellationToken.None);
        var (posted, gone, limited) = (links[0], links[1], links[2]);
        world.Chat.Script(gone.ConversationId, new SendOutcome.Unreachable("is_archived"));
        world.Chat.Script(limited.ConversationId, new SendOutcome.RateLimited(TimeSpan.FromSeconds(20)));
        var id = Assert.Single(await world.Deliveries.ClaimAsync([new Occurrence(OccurrenceKind.Digest, team, Mon, PromptDue)], PromptDue, CancellationToken.None));

        var first = await world.Sender.SendAsync(id, CancellationToken.None);
        Assert.Equal([posted.ConversationId], world.Chat.Sent.Select(m => m.Conversation.ConversationId));
        Assert.NotNull(first.RetryAt);
        world.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));

        // The fake records what arrived: the first channel once (not again on the retry), the archived one never
        // (its one scripted refusal is not asked again, or the fake would have delivered it), the last on the retry.
        Assert.Equal([posted.ConversationId, limited.ConversationId], world.Chat.Sent.Select(m => m.Conversation.ConversationId));
        var row = world.Deliveries.All.Single(d => d.Id == id);
        Assert.Equal(DeliveryState.Sent, row.State);
        Assert.Equal(posted, row.Message!.Conversation);
    }

    [Fact]
    public async Task Send_ABlockerNotice_TellsEachLeadInTheirLanguage_AndAfterA429TellsOnlyTheOneStillMissing_Once()
    {
        var model = GoalsFileLoader.Load(
            GoalsYaml.SampleText().Replace("suzuki@example.co.jp, role: rep", "suzuki@example.co.jp, role: lead", StringComparison.Ordinal), "goals.yaml").Model!;
        var world = new EngineWorld(PromptDue, model);
        await world.Store.RaiseAsync("emily", Mon, "Client away", PromptDue, CancellationToken.None);
        world.Chat.Script("suzuki", new SendOutcome.RateLimited(TimeSpan.FromSeconds(20)));
        var notice = new Occurrence(OccurrenceKind.BlockerNotice, "emily", Mon, PromptDue);
        var id = Assert.Single(await world.Deliveries.ClaimAsync([notice], PromptDue, CancellationToken.None));

        var first = await world.Sender.SendAsync(id, CancellationToken.None);
        Assert.Equal(PromptDue.AddSeconds(20), first.RetryAt);
        world.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));
        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));   // a repeated job sends nothing

        // The fake records what arrived: each lead once, the rate-limited one on the retry.
        Assert.Equal(["sato", "suzuki"], world.Chat.Sent.Select(m => m.PersonId));
        Assert.Equal("Emily Carterさんが11月30日（月）に困りごとを報告しました：Client away", world.Chat.To("sato")[0].View.Text);
        Assert.Equal(DeliveryState.Sent, StateOf(world, id));
    }

    [Fact]
    public async Task Send_ABlockerNotice_ForABlockerResolvedSince_IsSkipped_AndAnUnreachableLeadSaysNothingOfTheRep()
    {
        var world = new EngineWorld(PromptDue);
        var id = Assert.Single(await world.Deliveries.ClaimAsync(
            [new Occurrence(OccurrenceKind.BlockerNotice, "tanaka", Mon, PromptDue)], PromptDue, CancellationToken.None));
        await world.Sender.SendAsync(id, CancellationToken.None);
        Assert.Equal(DeliveryState.Skipped, StateOf(world, id));
        Assert.Empty(world.Chat.Sent);

        await world.Store.RaiseAsync("emily", Mon, null, PromptDue, CancellationToken.None);
        world.Chat.Script("sato", new SendOutcome.Unreachable("blocked the bot"));
        var other = Assert.Single(await world.Deliveries.ClaimAsync(
            [new Occurrence(OccurrenceKind.BlockerNotice, "emily", Mon, PromptDue)], PromptDue, CancellationToken.None));
        await world.Sender.SendAsync(other, CancellationToken.None);
        Assert.Equal(DeliveryState.Unreachable, StateOf(world, other));
        Assert.Empty(await world.Deliveries.UnreachableAsync(["emily"], CancellationToken.None));
    }

    [Fact]
    public async Task Send_PassingFailures_BackOffWithinBounds_ThenFail()
    {
        var (world, id) = await ClaimedAsync();
        var options = new DeliveryOptions();
        world.Chat.Script("tanaka", Enumerable.Repeat<SendOutcome>(new SendOutcome.Transient("502"), options.MaxAttempts).ToArray());

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < options.MaxAttempts; attempt++)
        {
            var step = await world.Sender.SendAsync(id, CancellationToken.None);
            waits.Add(step.RetryAt!.Value - world.Time.GetUtcNow());
        }

        Assert.Equal(DeliveryStep.Done, await world.Sender.SendAsync(id, CancellationToken.None));
        Assert.Equal(DeliveryState.Failed, StateOf(world, id));
        Assert.Empty(world.Chat.To("tanaka"));
        // 5 s doubling, each with up to 20 % jitter on top.
        Assert.All(waits.Select((w, i) => (w, i)), x => Assert.InRange(x.w.TotalSeconds, 5 * Math.Pow(2, x.i), 5 * Math.Pow(2, x.i) * 1.2));
    }

    [Fact]
    public async Task Send_ToSomeoneUnreachable_EndsUnreachable_AndTheLeadCanSeeIt()
    {
        var (world, id) = await ClaimedAsync();
        world.Chat.Script("tanaka", new SendOutcome.Unreachable("blocked the bot"));

        await world.Sender.SendAsync(id, CancellationToken.None);

        Assert.Equal(DeliveryState.Unreachable, StateOf(world, id));
        Assert.Equal(["tanaka"], await world.Deliveries.UnreachableAsync(["tanaka", "suzuki"], CancellationToken.None));
    }

    [Fact]
    public async Task Send_AReminder_OnlyWhileTheCardIsUnanswered()
    {
        var (world, id) = await ClaimedAsync(OccurrenceKind.DailyReminder);
        await world.Store.RecordAsync(new KpiBot.Core.CheckIns.CheckInEntry("tanaka", "daily-calls", Mon, 20m), "tanaka", PromptDue, CancellationToken.None);

        await world.Sender.SendAsync(id, CancellationToken.None);

        Assert.Equal(DeliveryState.Skipped, StateOf(world, id));
        Assert.Empty(world.Chat.Sent);

        var (silent, silentId) = await ClaimedAsync(OccurrenceKind.DailyReminder, "suzuki");
        await silent.Sender.SendAsync(silentId, CancellationToken.None);
        var reminder = Assert.IsType<ReminderView>(Assert.Single(silent.Chat.To("suzuki")).View);
        Assert.Equal("DailyPrompt:suzuki:2026-11-30", reminder.Prompt.OccurrenceKey);
        Assert.StartsWith("リマインド", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_APromptForADayOff_IsSkipped()
    {
        var (world, id) = await ClaimedAsync();
        await world.Store.AddTimeOffAsync("tanaka", Mon, Mon.AddDays(2), "leave", PromptDue, CancellationToken.None);

        await world.Sender.SendAsync(id, CancellationToken.None);

        Assert.Equal(DeliveryState.Skipped, StateOf(world, id));
        Assert.Empty(world.Chat.Sent);
    }
}
