using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Delivery;

/// <summary>
/// A batch of deliveries taken by one sender (<see cref="DeliveryService.BeginAsync"/>): the rows it holds, and what
/// their check-in cards need, read once for the batch. A send finds here what a send on its own would have read.
/// </summary>
public sealed class SendBatch(GoalsModel? model, IReadOnlyList<DeliveryRecord> taken)
{
    /// <summary>The goals the batch was read against (null: none imported, or nothing taken).</summary>
    public GoalsModel? Model => model;

    /// <summary>The rows this sender took (Preparing, each with this sender's attempt number), in the batch's order.</summary>
    public IReadOnlyList<DeliveryRecord> Taken => taken;

    /// <summary>The recipients' time off over the batch's work days.</summary>
    internal IReadOnlyDictionary<string, IReadOnlySet<DateOnly>> TimeOff { get; init; } = new Dictionary<string, IReadOnlySet<DateOnly>>();

    /// <summary>The state of each reminder's work day for its recipient.</summary>
    internal IReadOnlyDictionary<(string PersonId, DateOnly Day), DayState> States { get; init; } = new Dictionary<(string, DateOnly), DayState>();

    /// <summary>What the recipients recorded on the batch's work days and card days.</summary>
    internal ILookup<(string PersonId, DateOnly Day), CheckInEntry> Recorded { get; init; } = Array.Empty<CheckInEntry>().ToLookup(e => (e.PersonId, e.Day));

    /// <summary>Where each recipient is reached, as stored (null: not read; a person missing is found by email).</summary>
    internal IReadOnlyDictionary<string, ChatUserInfo>? Profiles { get; init; }

    /// <summary>The people and days the batch read for (its card rows' recipients, work days and card days).</summary>
    internal IReadOnlySet<string> People { get; init; } = new HashSet<string>();

    internal IReadOnlySet<DateOnly> Days { get; init; } = new HashSet<DateOnly>();

    /// <summary>True when the batch read the time off, day state and values of this person and day.</summary>
    internal bool Has(string personId, DateOnly day) => People.Contains(personId) && Days.Contains(day);

    internal ChatUserInfo? ProfileOf(string personId) => Profiles?.GetValueOrDefault(personId);
}
