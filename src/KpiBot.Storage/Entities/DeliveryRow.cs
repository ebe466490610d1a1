using System.Linq.Expressions;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;

namespace KpiBot.Storage.Entities;

/// <summary>
/// One occurrence to one recipient, claimed by a unique <see cref="Key"/> before anything is sent. Timestamps
/// are UTC <see cref="DateTime"/> values (not <see cref="DateTimeOffset"/>) because EF Core cannot compare
/// or order DateTimeOffset columns on SQLite, and the stranded-row sweep and "latest delivery" need both.
/// </summary>
public sealed class DeliveryRow
{
    /// <summary>Rows whose state <see cref="DeliveryStates.IsInProgress"/>, as a predicate EF Core translates on both providers.</summary>
    public static readonly Expression<Func<DeliveryRow, bool>> InProgress = DeliveryStates.InProgress<DeliveryRow>(d => d.State);

    public long Id { get; set; }
    public required string Key { get; set; }
    public OccurrenceKind Kind { get; set; }
    public required string RecipientId { get; set; }
    public DateOnly WorkDay { get; set; }
    public DateTime DueAt { get; set; }
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public string? MessagePlatform { get; set; }
    public string? MessageTenant { get; set; }
    public string? MessageConversationId { get; set; }
    public string? MessageId { get; set; }
    public string? MessageServiceUrl { get; set; }
    public string? Detail { get; set; }

    /// <summary>Parts already done of a delivery to several destinations (a digest's channels), one per line.</summary>
    public string? DoneParts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EnqueuedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
