using KpiBot.Core.Delivery;

namespace KpiBot.Testing.Fakes;

/// <summary>The dispatcher's cursor in memory; only moves forward, like the store's.</summary>
public sealed class InMemoryDispatchCursor : IDispatchCursor
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _position;

    public Task<DateTimeOffset?> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_position);
        }
    }

    public Task AdvanceAsync(DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_position is null || to > _position)
            {
                _position = to;
            }
        }

        return Task.CompletedTask;
    }
}
