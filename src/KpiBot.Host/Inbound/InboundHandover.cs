using Hangfire;
using KpiBot.Core.Inbound;

namespace KpiBot.Host.Inbound;

/// <summary>Where <see cref="InboundQueue"/> puts the work a stopping host did not start.</summary>
public interface IInboundHandover
{
    void HandOver(string platform, string kind, string payload);
}

/// <summary>The work as a Hangfire job (durable in the job storage; any host runs it).</summary>
public sealed class HangfireInboundHandover(IBackgroundJobClient jobs) : IInboundHandover
{
    public void HandOver(string platform, string kind, string payload) =>
        jobs.Enqueue<InboundHandoverJob>(j => j.RunAsync(platform, kind, payload, CancellationToken.None));
}

/// <summary>
/// Runs inbound work a stopping host handed over, through the platform's <see cref="IInboundResumer"/> (its name and
/// arguments are a persisted contract). A host without that platform fails the job, so Hangfire retries it later.
/// </summary>
public sealed class InboundHandoverJob(IEnumerable<IInboundResumer> resumers)
{
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(string platform, string kind, string payload, CancellationToken cancellationToken)
    {
        var resumer = resumers.FirstOrDefault(r => r.Platform == platform)
            ?? throw new InvalidOperationException($"No {platform} adapter on this host to run handed-over {kind} work.");
        return resumer.ResumeAsync(kind, payload, cancellationToken);
    }
}

/// <summary>Registration of the inbound queue in the host.</summary>
public static class InboundRegistration
{
    public static IServiceCollection AddKpiBotInbound(this IServiceCollection services)
    {
        services.AddSingleton<InboundQueue>();
        services.AddSingleton<IInboundQueue>(s => s.GetRequiredService<InboundQueue>());
        services.AddHostedService(s => s.GetRequiredService<InboundQueue>());
        services.AddSingleton<IInboundHandover, HangfireInboundHandover>();
        services.AddScoped<InboundHandoverJob>();
        return services;
    }
}
