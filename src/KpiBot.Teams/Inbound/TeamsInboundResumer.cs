using System.Text;
using KpiBot.Core.Chat;
using KpiBot.Core.Inbound;
using KpiBot.Teams.Activities;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// Runs Teams work a stopping host handed to the durable job: the activity as it was received (authenticated
/// then), parsed and handled as the queue would have.
/// </summary>
internal sealed class TeamsInboundResumer(TeamsActivityHandler handler) : IInboundResumer
{
    public const string Activity = "activity";

    public string Platform => Platforms.Teams;

    public Task ResumeAsync(string kind, string payload, CancellationToken cancellationToken)
    {
        if (kind != Activity || ActivityParser.Read(Encoding.UTF8.GetBytes(payload)) is not { } activity)
        {
            throw new InvalidOperationException($"Handed-over Teams work that is not an activity: {kind}");
        }

        return handler.HandleAsync(ActivityParser.Parse(activity), activity, cancellationToken);
    }
}
