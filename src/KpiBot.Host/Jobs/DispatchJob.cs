using Hangfire;
using KpiBot.Core.Chat;
using KpiBot.Core.Delivery;
using KpiBot.Host.Hosting;

namespace KpiBot.Host.Jobs;

/// <summary>
/// The recurring dispatcher, every minute: claims what fell due and queues one send job per recipient.
/// It needs no lock: claims are unique inserts, so two hosts running it at once send nothing twice.
/// </summary>
public sealed class DispatchJob(Dispatcher dispatcher, IChatPort chat, ILogger<DispatchJob> logger)
{
    public const string Id = "dispatch";

    private static int _warnedNoPlatform;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (chat is NoChatPort)
        {
            if (Interlocked.Exchange(ref _warnedNoPlatform, 1) == 0)
            {
                Log.NoChatPlatform(logger);
            }

            return;
        }

        var result = await dispatcher.RunAsync(cancellationToken);
        if (result.Claimed > 0 || result.Stranded > 0)
        {
            Log.Dispatched(logger, result.Due, result.Claimed, result.Stranded);
        }
    }
}
