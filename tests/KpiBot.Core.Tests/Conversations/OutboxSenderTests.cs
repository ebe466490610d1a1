using KpiBot.Core.Conversations;
using KpiBot.Core.Delivery;
using KpiBot.Core.Scheduling;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Core.Tests.Conversations;

public class OutboxSenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Mon = new(2026, 11, 30);

    [Fact]
    public async Task Send_ClaimsEachNoticeAsADelivery_AndQueuesIt_OnceWhateverHowOftenItIsAsked()
    {
        var deliveries = new InMemoryDeliveries();
        var sender = new OutboxSender(deliveries, deliveries, new FakeTimeProvider(Now));
        var notice = new OutboundMessage(OccurrenceKind.BlockerNotice, "tanaka", Mon);

        Assert.Equal(1, await sender.SendAsync([notice, notice], CancellationToken.None));
        Assert.Equal(0, await sender.SendAsync([notice], CancellationToken.None));

        var row = Assert.Single(deliveries.All);
        Assert.Equal(("BlockerNotice:tanaka:2026-11-30", DeliveryState.Pending, Now), (row.Occurrence.Key, row.State, row.Occurrence.DueAtUtc));
        Assert.Equal([row.Id], deliveries.Queued);
    }

    [Fact]
    public async Task Send_NothingToSend_ClaimsNothing()
    {
        var deliveries = new InMemoryDeliveries();

        Assert.Equal(0, await new OutboxSender(deliveries, deliveries, new FakeTimeProvider(Now)).SendAsync(null, CancellationToken.None));
        Assert.Empty(deliveries.All);
    }
}
