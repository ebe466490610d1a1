using KpiBot.Core.Chat;

namespace KpiBot.Teams.Connector;

/// <summary>A connector call's value, or why there is none (as a <see cref="SendOutcome"/>, never Delivered).</summary>
public sealed record ConnectorResult<T>(T? Value, SendOutcome? Failure)
    where T : class
{
    public static ConnectorResult<T> Of(T value) => new(value, null);

    public static ConnectorResult<T> Failed(SendOutcome failure) => new(null, failure);
}
