using KpiBot.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests;

/// <summary>
/// Starts a test host without its recurring jobs (the minutely dispatch among them), so only what the test itself
/// runs is sent: a real minute turning on a loaded machine would otherwise claim and send what falls due at the
/// test's fake time, in the middle of a test that counts rows or requests.
/// </summary>
internal static class RecurringJobsOff
{
    public static void RemoveRecurringJobs(this IServiceCollection services)
    {
        foreach (var registration in services.Where(d => d.ImplementationType == typeof(RecurringJobsRegistration)).ToList())
        {
            services.Remove(registration);
        }
    }
}
