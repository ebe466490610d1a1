using KpiBot.Core.CheckIns;
using KpiBot.Core.Delivery;
using KpiBot.Core.Goals;
using KpiBot.Core.GoalsFile;
using KpiBot.Core.Resources;
using KpiBot.Core.Tests.GoalsFile;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Core.Tests.CheckIns;

/// <summary>The check-in write as every entry point uses it (chat, command line, API), over the in-memory store.</summary>
public class CheckInServiceTests
{
    private static readonly GoalsModel Sample = GoalsFileLoader.Load(GoalsYaml.SampleText(), "goals.yaml").Model!;
    private static readonly DateOnly Friday = new(2026, 11, 27);

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCheckIns _store = new();
    private readonly InMemoryDeliveries _deliveries = new();
    private readonly CheckInService _service;

    public CheckInServiceTests()
    {
        var time = new FakeTimeProvider(Now);
        _service = new CheckInService(new InMemoryGoalsProvider(Sample), _store, _store, new Notices(_deliveries, _deliveries, time), time);
    }

    private static CheckInSubmission Calls(decimal calls, string? changedBy = null, bool blocker = false, int? cardVersion = null, bool confirmed = false) =>
        new("tanaka", Friday, new Dictionary<string, decimal> { ["daily-calls"] = calls, ["intro-emails"] = 3m }, "note", blocker, CheckInSources.Cli, changedBy, cardVersion, confirmed);

    private Task<CheckInResult> SubmitAsync(CheckInSubmission submission) => _service.SubmitAsync(submission, CancellationToken.None);

    [Fact]
    public async Task Submit_ValidValues_StoresEach_ThenUnchanged_ThenUpdated()
    {
        var created = await SubmitAsync(Calls(27m));
        var same = await SubmitAsync(Calls(27m));
        var changed = await SubmitAsync(Calls(31m));

        Assert.Equal(CheckInStatus.Saved, created.Status);
        Assert.Equal([CheckInOutcome.Created, CheckInOutcome.Created], created.Recorded.Select(r => r.Outcome));
        Assert.Equal([CheckInOutcome.Unchanged, CheckInOutcome.Unchanged], same.Recorded.Select(r => r.Outcome));
        Assert.Equal(new RecordedValue("daily-calls", 31m, CheckInOutcome.Updated, 2), changed.Recorded[0]);
        Assert.Equal(31m, _store.Entries.Single(e => e.NodeId == "daily-calls").Value);
        Assert.All(_store.Entries, e => Assert.Equal("note", e.Note));
    }

    [Fact]
    public async Task Submit_WhenOneValueBreaksARule_IsRejected_AndNothingIsStored()
    {
        var result = await SubmitAsync(new CheckInSubmission(
            "tanaka", Friday, new Dictionary<string, decimal> { ["daily-calls"] = 27m, ["intro-emails"] = -1m }));

        Assert.Equal(CheckInStatus.Rejected, result.Status);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("intro-emails", problem.NodeId);
        Assert.Equal("The value must be 0 or more; -1 was given.", problem.Problem.Message(Localized.English));
        Assert.Empty(_store.Entries);
    }

    [Fact]
    public async Task Submit_WhenValueIsAboveWhatCanBeStored_IsRejected_EvenConfirmed()
    {
        var result = await SubmitAsync(Calls(CheckInRules.MaxValue + 1m, confirmed: true));

        Assert.Equal(CheckInStatus.Rejected, result.Status);
        Assert.Equal(nameof(CheckInText.OutOfRange), Assert.Single(result.Problems).Problem.Code);
        Assert.Equal(
            "100000000001 is too large to record; the largest value is 100,000,000,000.",
            result.Problems[0].Problem.Message(Localized.English));
        Assert.Empty(_store.Entries);
    }

    [Fact]
    public async Task Submit_WhenValueIsTenTimesTheTarget_NeedsConfirmation_AndConfirmedIsSaved()
    {
        var asked = await SubmitAsync(Calls(201m));
        var confirmed = await SubmitAsync(Calls(201m, confirmed: true));

        Assert.Equal(CheckInStatus.NeedsConfirmation, asked.Status);
        Assert.True(Assert.Single(asked.Problems).Problem.NeedsConfirmation);
        Assert.Equal(CheckInStatus.Saved, confirmed.Status);
        Assert.Equal(201m, _store.Entries.Single(e => e.NodeId == "daily-calls").Value);
    }

    [Fact]
    public async Task Submit_FromAnOlderVersion_ThatWouldChangeANewerValue_NeedsConfirmation()
    {
        await SubmitAsync(Calls(30m, cardVersion: 0));

        var stale = await SubmitAsync(Calls(27m, cardVersion: 0));
        var current = await SubmitAsync(Calls(27m, cardVersion: 1));

        Assert.Equal(CheckInStatus.NeedsConfirmation, stale.Status);
        var question = Assert.Single(stale.Problems);
        Assert.Equal(("daily-calls", nameof(CheckInText.Stale)), (question.NodeId, question.Problem.Code));
        Assert.Equal(CheckInStatus.Saved, current.Status);
    }

    [Fact]
    public async Task Submit_WithABlocker_RaisesItOnce_TellsTheLeadsOnce_AndOnlyThePersonsOwnAnswerResolvesIt()
    {
        var raised = await SubmitAsync(Calls(10m, blocker: true));
        var again = await SubmitAsync(Calls(11m, blocker: true));
        var backfill = await SubmitAsync(Calls(12m, changedBy: "cli:admin"));
        var stillOpen = await _store.OpenAsync(["tanaka"], CancellationToken.None);
        await SubmitAsync(Calls(13m));

        Assert.True(raised.BlockerRaised);
        Assert.False(again.BlockerRaised);
        var notice = Assert.Single(_deliveries.All);                   // one notice, queued for the send job
        Assert.Equal(("BlockerNotice:tanaka:2026-11-27", DeliveryState.Pending, Now), (notice.Occurrence.Key, notice.State, notice.Occurrence.DueAtUtc));
        Assert.Equal([notice.Id], _deliveries.Queued);
        Assert.Equal(CheckInStatus.Saved, backfill.Status);
        Assert.Single(stillOpen);
        Assert.Empty(await _store.OpenAsync(["tanaka"], CancellationToken.None));
    }

    [Fact]
    public async Task Submit_ForSomeoneNotInTheGoals_OrWithNoValues_IsRejected()
    {
        var stranger = await SubmitAsync(new CheckInSubmission("nobody", Friday, new Dictionary<string, decimal> { ["daily-calls"] = 1m }));
        var empty = await SubmitAsync(new CheckInSubmission("tanaka", Friday, new Dictionary<string, decimal>()));

        Assert.Equal(nameof(CheckInText.UnknownPerson), Assert.Single(stranger.Problems).Problem.Code);
        Assert.Equal(nameof(CheckInText.NoValues), Assert.Single(empty.Problems).Problem.Code);
        Assert.All([stranger, empty], r => Assert.Equal(CheckInStatus.Rejected, r.Status));
        Assert.Empty(_store.Entries);
    }

    [Fact]
    public async Task Submit_WithNoGoalsImported_IsRejected()
    {
        var service = new CheckInService(new InMemoryGoalsProvider(null), _store, _store, new Notices(_deliveries, _deliveries, TimeProvider.System), TimeProvider.System);

        var result = await service.SubmitAsync(Calls(1m), CancellationToken.None);

        Assert.Equal(nameof(CheckInText.NoGoals), Assert.Single(result.Problems).Problem.Code);
        Assert.Empty(_store.Entries);
    }
}
