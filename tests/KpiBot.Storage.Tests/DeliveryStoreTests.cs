using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;
using KpiBot.Storage.Entities;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpiBot.Storage.Tests;

public abstract class DeliveryStoreTests : StorageTestBase
{
    protected static readonly DateOnly Apr6 = new(2026, 4, 6);
    protected static readonly DateTimeOffset Due = new(2026, 4, 6, 0, 30, 0, TimeSpan.Zero);
    private static readonly MessageRef SlackMessage = new(new ConversationAddress(Platforms.Slack, "T1", "D-ALICE"), "1712345678.000100");

    protected static Occurrence Prompt(string recipient, DateOnly? day = null) =>
        new(OccurrenceKind.DailyPrompt, recipient, day ?? Apr6, Due);

    [Fact]
    public async Task DoneParts_AreKeptPerDelivery_InTheOrderDone()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var ids = await store.ClaimAsync([Prompt("alice"), Prompt("bob")], April1, Ct);

        Assert.Empty(await store.DonePartsAsync(ids[0], Ct));
        await store.MarkPartDoneAsync(ids[0], "slack|T1|C1\t1712345678.000100", Ct);
        await store.MarkPartDoneAsync(ids[0], "teams|tenant|19:x\t-", Ct);

        Assert.Equal(["slack|T1|C1\t1712345678.000100", "teams|tenant|19:x\t-"], (await store.DonePartsAsync(ids[0], Ct)).Order(StringComparer.Ordinal));
        Assert.Empty(await store.DonePartsAsync(ids[1], Ct));
    }

    [Fact]
    public async Task Claim_ReturnsOnlyTheRowsThisCallInserted()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);

        var first = await store.ClaimAsync([Prompt("alice"), Prompt("bob"), Prompt("alice")], April1, Ct);
        var second = await store.ClaimAsync([Prompt("bob"), Prompt("carol")], April1, Ct);

        Assert.Equal(2, first.Count);
        var carol = Assert.Single(second);
        Assert.DoesNotContain(carol, first);
        var record = await store.FindAsync(Prompt("carol").Key, Ct);
        Assert.Equal(new DeliveryRecord(carol, Prompt("carol"), DeliveryState.Pending, 0, null, null), record);
        Assert.Equal(["DailyPrompt"], await db.Database.SqlQueryRaw<string>("SELECT DISTINCT kind AS \"Value\" FROM deliveries").ToListAsync(Ct));
        Assert.Empty(await store.ClaimAsync([], April1, Ct));
    }

    [Fact]
    public async Task Claim_InBatchesLargerThanOneStatement_ClaimsEachKeyOnce()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var occurrences = Enumerable.Range(0, 2_500).Select(i => Prompt($"p{i:D5}")).ToList();

        var first = await store.ClaimAsync(occurrences.Take(1_200).ToList(), April1, Ct);
        var second = await store.ClaimAsync(occurrences, April1, Ct);

        Assert.Equal(1_200, first.Count);
        Assert.Equal(1_300, second.Count);
        Assert.Equal(2_500, first.Concat(second).Distinct().Count());
        Assert.Equal(2_500, await db.Deliveries.CountAsync(Ct));
    }

    [Fact]
    public async Task InProgressPredicate_TranslatesAndAgreesWithIsInProgress_OnEveryState()
    {
        await using var db = Database.NewContext();
        var states = Enum.GetValues<DeliveryState>();
        var ids = await new DeliveryStore(db).ClaimAsync([.. states.Select(s => Prompt(s.ToString()))], April1, Ct);
        foreach (var (id, state) in ids.Zip(states))
        {
            await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.State, state), Ct);
        }

        var inProgress = states.Where(s => s.IsInProgress()).ToList();
        var isInProgress = DeliveryRow.InProgress.Compile();
        Assert.NotEmpty(inProgress);
        Assert.NotEqual(states.Length, inProgress.Count);
        Assert.All(states, s => Assert.Equal(s.IsInProgress(), isInProgress(new DeliveryRow { Key = "k", RecipientId = "r", State = s })));
        Assert.Equal(inProgress, (await db.Deliveries.Where(DeliveryRow.InProgress).Select(d => d.State).ToListAsync(Ct)).Order());
        Assert.Equal(inProgress.Count, await db.Deliveries.CountAsync(DeliveryRow.InProgress, Ct));
    }

    [Fact]
    public async Task BeginSend_TakesTheRow_ATakeOverBeforeThePostFencesTheFirstSenderOut_AndOnlyARowFoundSendingEndsUnknown()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var id = Assert.Single(await store.ClaimAsync([Prompt("alice")], April1, Ct));

        var begun = await store.BeginSendAsync(id, April1, Ct);
        // Its sender died (or lost the database) while getting the message ready: nothing was posted.
        var takenOver = await store.BeginSendAsync(id, April1.AddMinutes(5), Ct);

        Assert.Equal((DeliveryState.Preparing, 1), (begun!.State, begun.Attempts));
        Assert.Equal((DeliveryState.Preparing, 2), (takenOver!.State, takenOver.Attempts));
        Assert.False(await store.BeginPostAsync(id, 1, April1, Ct)); // the first sender, had it lived, posts nothing
        Assert.True(await store.BeginPostAsync(id, 2, April1, Ct));
        Assert.Equal(DeliveryState.Sending, (await store.FindAsync(Prompt("alice").Key, Ct))!.State);

        // Its post may have happened: never sent again.
        Assert.Equal((DeliveryState.Unknown, 2), (await store.BeginSendAsync(id, April1.AddMinutes(10), Ct)) is { } r ? (r.State, r.Attempts) : default);
        Assert.Equal(DeliveryState.Unknown, (await store.BeginSendAsync(id, April1, Ct))!.State); // stays Unknown
        Assert.False(await store.BeginPostAsync(id, 2, April1, Ct));
        Assert.Null(await store.BeginSendAsync(id + 1_000, April1, Ct));
    }

    [Fact]
    public async Task BeginSend_OfABatch_TakesPendingAndPreparingRows_EndsSendingOnesUnknown_AndLeavesFinishedOnesAsTheyAre()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var ids = await store.ClaimAsync([Prompt("alice"), Prompt("bob"), Prompt("carol"), Prompt("dan")], April1, Ct);
        var byKey = new Dictionary<string, long>();
        foreach (var id in ids)
        {
            byKey[(await db.Deliveries.SingleAsync(d => d.Id == id, Ct)).RecipientId] = id;
        }

        await store.BeginSendAsync(byKey["bob"], April1, Ct);                                      // Preparing, its sender died
        await store.BeginSendAsync(byKey["carol"], April1, Ct);
        await store.BeginPostAsync(byKey["carol"], 1, April1, Ct);                                  // Sending: may have been posted
        await store.BeginSendAsync(byKey["dan"], April1, Ct);
        await store.CompleteAsync(byKey["dan"], 1, DeliveryState.Sent, SlackMessage, null, April1, Ct);

        var batch = await store.BeginSendAsync([byKey["dan"], byKey["alice"], byKey["carol"], byKey["bob"], 99_999], April1.AddMinutes(5), Ct);

        Assert.Equal(
            [("dan", DeliveryState.Sent, 1), ("alice", DeliveryState.Preparing, 1), ("carol", DeliveryState.Unknown, 1), ("bob", DeliveryState.Preparing, 2)],
            batch.Select(r => (r.Occurrence.RecipientId, r.State, r.Attempts)).ToList());
        Assert.False(await store.BeginPostAsync(byKey["bob"], 1, April1, Ct)); // the dead sender of bob's row is fenced out
        Assert.True(await store.BeginPostAsync(byKey["bob"], 2, April1, Ct));
        Assert.Empty(await store.BeginSendAsync([], April1, Ct));
    }

    [Fact]
    public async Task CompleteAndRelease_OfASenderTakenOver_LeaveTheRowToItsNewSender()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var id = Assert.Single(await store.ClaimAsync([Prompt("alice")], April1, Ct));
        await store.BeginSendAsync(id, April1, Ct);
        await store.BeginSendAsync(id, April1, Ct);

        await store.CompleteAsync(id, 1, DeliveryState.Skipped, null, "late", April1, Ct);
        await store.ReleaseAsync(id, 1, April1.AddMinutes(1), "late", April1, Ct);

        Assert.Equal((DeliveryState.Preparing, 2, null), Summary(await store.FindAsync(Prompt("alice").Key, Ct)));
        await store.CompleteAsync(id, 2, DeliveryState.Skipped, null, "day off", April1, Ct);
        Assert.Equal((DeliveryState.Skipped, 2, "day off"), Summary(await store.FindAsync(Prompt("alice").Key, Ct)));
    }

    [Fact]
    public async Task Stuck_AreRowsLeftPreparingOrSendingBeforeTheCutOff_EachHandedOverOncePerCutOff()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var ids = await store.ClaimAsync([Prompt("a"), Prompt("b"), Prompt("c"), Prompt("d")], April1, Ct);
        await store.BeginSendAsync(ids[0], April1, Ct);                  // left Preparing
        await store.BeginSendAsync(ids[1], April1, Ct);
        await store.BeginPostAsync(ids[1], 1, April1, Ct);               // left Sending
        await store.BeginSendAsync(ids[2], April1.AddMinutes(30), Ct);   // recent
        // ids[3] Pending: the stranded sweep's, not this one's

        Assert.Equal([ids[0], ids[1]], (await store.StuckAsync(April1.AddMinutes(10), April1.AddMinutes(20), 100, Ct)).Order());
        Assert.Empty(await store.StuckAsync(April1.AddMinutes(10), April1.AddMinutes(21), 100, Ct)); // just handed over
        Assert.Equal([ids[0], ids[1], ids[2]], (await store.StuckAsync(April1.AddMinutes(40), April1.AddMinutes(41), 100, Ct)).Order());

        // A row handed over is taken over when nothing was posted, and ends Unknown when the post may have happened.
        Assert.Equal((DeliveryState.Preparing, 2), (await store.BeginSendAsync(ids[0], April1, Ct)) is { } p ? (p.State, p.Attempts) : default);
        Assert.Equal(DeliveryState.Unknown, (await store.BeginSendAsync(ids[1], April1, Ct))!.State);
    }

    [Fact]
    public async Task Complete_StoresTheStateAndMessageRef_AndLaterBeginsReturnItUnchanged()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var id = Assert.Single(await store.ClaimAsync([Prompt("alice")], April1, Ct));
        await store.BeginSendAsync(id, April1, Ct);
        Assert.True(await store.BeginPostAsync(id, 1, April1, Ct));

        await store.CompleteAsync(id, 1, DeliveryState.Sent, SlackMessage, null, April1, Ct);

        var expected = new DeliveryRecord(id, Prompt("alice"), DeliveryState.Sent, 1, SlackMessage, null);
        Assert.Equal(expected, await store.FindAsync(Prompt("alice").Key, Ct));
        Assert.Equal(expected, await store.BeginSendAsync(id, April1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.CompleteAsync(id, 1, DeliveryState.Pending, null, null, April1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.CompleteAsync(id, 1, DeliveryState.Preparing, null, null, April1, Ct));
    }

    [Fact]
    public async Task Release_PutsItBackToPending_ForASecondAttempt()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var id = Assert.Single(await store.ClaimAsync([Prompt("alice")], April1, Ct));
        await store.BeginSendAsync(id, April1, Ct);

        await store.ReleaseAsync(id, 1, April1.AddSeconds(30), "rate limited", April1, Ct);

        Assert.Equal((DeliveryState.Pending, 1, "rate limited"), Summary(await store.FindAsync(Prompt("alice").Key, Ct)));
        var row = await db.Deliveries.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(April1.AddSeconds(30).UtcDateTime, DateTime.SpecifyKind(row.NextAttemptAt!.Value, DateTimeKind.Utc));
        Assert.Equal((DeliveryState.Preparing, 2), (await store.BeginSendAsync(id, April1, Ct)) is { } r ? (r.State, r.Attempts) : default);
    }

    [Fact]
    public async Task Stranded_AreThePendingRowsNeverEnqueuedAndOlderThanTheCutOff()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var old = await store.ClaimAsync([Prompt("a"), Prompt("b"), Prompt("c")], April1, Ct);
        var recent = await store.ClaimAsync([Prompt("d")], April1.AddMinutes(10), Ct);
        await store.MarkEnqueuedAsync([old[0]], April1, Ct);
        await store.BeginSendAsync(old[1], April1, Ct);

        var stranded = await store.StrandedAsync(April1.AddMinutes(5), 100, Ct);

        Assert.Equal([old[2]], stranded);
        Assert.Equal([old[2], recent[0]], await store.StrandedAsync(April1.AddMinutes(11), 100, Ct));
        Assert.Equal([old[2]], await store.StrandedAsync(April1.AddMinutes(11), 1, Ct));
    }

    [Fact]
    public async Task Unreachable_IsDecidedByTheLatestFinishedSendToEachPerson()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var now = April1;
        async Task SendAsync(string person, DateOnly day, DeliveryState outcome)
        {
            now = now.AddMinutes(1);
            var id = Assert.Single(await store.ClaimAsync([Prompt(person, day)], now, Ct));
            await store.BeginSendAsync(id, now, Ct);
            await store.CompleteAsync(id, 1, outcome, null, null, now, Ct);
        }

        await SendAsync("alice", Apr6, DeliveryState.Sent);
        await SendAsync("alice", Apr6.AddDays(1), DeliveryState.Unreachable);
        await SendAsync("bob", Apr6, DeliveryState.Unreachable);
        await SendAsync("bob", Apr6.AddDays(1), DeliveryState.Sent);
        await SendAsync("carol", Apr6, DeliveryState.Unreachable);
        await SendAsync("carol", Apr6.AddDays(1), DeliveryState.Failed); // says nothing about reachability
        await store.ClaimAsync([Prompt("carol", Apr6.AddDays(2))], now.AddMinutes(1), Ct); // pending: neither

        var unreachable = await store.UnreachableAsync(["alice", "bob", "carol", "dave"], Ct);

        Assert.Equal(["alice", "carol"], unreachable.Order());
    }

    private static (DeliveryState, int, string?) Summary(DeliveryRecord? record) =>
        record is null ? default : (record.State, record.Attempts, record.Detail);
    [Fact]
    public async Task Release_LeavesTheRowToTheStrandedSweep_OnceItsRetryTimeHasPassed()
    {
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);
        var id = Assert.Single(await store.ClaimAsync([Prompt("alice")], April1, Ct));
        await store.MarkEnqueuedAsync([id], April1, Ct);
        await store.BeginSendAsync(id, April1, Ct);

        // Rate limited: retry in 10 minutes. The host dies before it schedules the retry job.
        await store.ReleaseAsync(id, 1, April1.AddMinutes(10), "rate limited", April1, Ct);

        Assert.Empty(await store.StrandedAsync(April1.AddMinutes(5), 100, Ct));
        Assert.Equal([id], await store.StrandedAsync(April1.AddMinutes(11), 100, Ct));
        await store.MarkEnqueuedAsync([id], April1.AddMinutes(11), Ct);
        Assert.Empty(await store.StrandedAsync(April1.AddMinutes(20), 100, Ct));
    }

    [Fact]
    public async Task DispatchCursor_StartsEmpty_AndOnlyMovesForward()
    {
        await using var db = Database.NewContext();
        var cursor = new DispatchCursor(db);

        Assert.Null(await cursor.GetAsync(Ct));
        await cursor.AdvanceAsync(Due, Ct);
        await cursor.AdvanceAsync(Due.AddMinutes(-3), Ct);
        Assert.Equal(Due, await cursor.GetAsync(Ct));
        await cursor.AdvanceAsync(Due.AddMinutes(1), Ct);
        Assert.Equal(Due.AddMinutes(1), await cursor.GetAsync(Ct));
    }
}

public sealed class SqliteDeliveryStoreTests : DeliveryStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    [Fact]
    public async Task BundledSqlite_SupportsReturning_WhichClaimNeeds()
    {
        await using var db = Database.NewContext();

        var version = Version.Parse(await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS \"Value\"").SingleAsync(Ct));

        Assert.True(version >= new Version(3, 35), $"SQLite {version} has no RETURNING");
    }
}

public sealed class PostgresDeliveryStoreTests : DeliveryStoreTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;

    [Fact]
    public async Task Claim_FromFourHostsAtOnce_ClaimsEveryKeyExactlyOnceOverall()
    {
        // Each host claims an overlapping slice of 6,000 occurrences: 1,000-row statements race on shared keys.
        var all = Enumerable.Range(0, 6_000).Select(i => Prompt($"p{i:D5}")).ToList();
        var slices = new[] { all, all.Skip(1_500).ToList(), all.Take(4_500).ToList(), all.AsEnumerable().Reverse().ToList() };

        var claimed = await Task.WhenAll(slices.Select(async slice =>
        {
            await using var db = Database.NewContext();
            return await new DeliveryStore(db).ClaimAsync(slice, April1, Ct);
        }));

        var ids = claimed.SelectMany(c => c).ToList();
        Assert.Equal(6_000, ids.Count);
        Assert.Equal(6_000, ids.Distinct().Count());
        await using var check = Database.NewContext();
        Assert.Equal(6_000, await check.Deliveries.CountAsync(Ct));
    }

    [Fact]
    public async Task Claim_FiftyThousandOccurrences_ReturnsEachRowOnce()
    {
        var occurrences = Enumerable.Range(0, 50_000).Select(i => Prompt($"person-{i:D5}")).ToList();
        await using var db = Database.NewContext();
        var store = new DeliveryStore(db);

        var ids = await store.ClaimAsync(occurrences, April1, Ct);
        var again = await store.ClaimAsync(occurrences, April1, Ct);

        Assert.Equal(50_000, ids.Distinct().Count());
        Assert.Equal(50_000, ids.Count);
        Assert.Empty(again);
        Assert.Equal(ids.Order(), (await db.Deliveries.Select(d => d.Id).ToListAsync(Ct)).Order());
        Assert.Equal(50_000, (await store.StrandedAsync(April1.AddMinutes(1), 60_000, Ct)).Count);
    }

    [Fact]
    public async Task BeginSend_FromTwoHostsAtOnce_LetsExactlyOnePost()
    {
        await using var setup = Database.NewContext();
        var ids = await new DeliveryStore(setup).ClaimAsync(Enumerable.Range(0, 20).Select(i => Prompt($"p{i}")).ToList(), April1, Ct);

        foreach (var id in ids)
        {
            var posted = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            {
                await using var db = Database.NewContext();
                var store = new DeliveryStore(db);
                return await store.BeginSendAsync(id, April1, Ct) is { State: DeliveryState.Preparing } taken
                    && await store.BeginPostAsync(id, taken.Attempts, April1, Ct);
            }));

            Assert.Single(posted, p => p);
        }
    }
}
