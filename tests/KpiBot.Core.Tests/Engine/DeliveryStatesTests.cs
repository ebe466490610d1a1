using KpiBot.Core.Delivery;

namespace KpiBot.Core.Tests.Engine;

public class DeliveryStatesTests
{
    private sealed record Row(DeliveryState State);

    [Fact]
    public void InProgressExpression_AgreesWithIsInProgress_OnEveryState()
    {
        var isInProgress = DeliveryStates.InProgress<Row>(r => r.State).Compile();

        Assert.All(Enum.GetValues<DeliveryState>(), s => Assert.Equal(s.IsInProgress(), isInProgress(new Row(s))));
    }
}
