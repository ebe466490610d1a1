using KpiBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Host.Tests.Hostile;

/// <summary>How many rows hold what people and platforms sent: a refused request must leave every count unchanged.</summary>
internal sealed record StoredRows(
    int CheckIns, int Audit, int Identities, int ChatUsers, int InboundSeen, int Deliveries, int ChannelLinks, int Installations, int Skips, int Blockers)
{
    public static async Task<StoredRows> ReadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KpiBotDbContext>();
        return new StoredRows(
            await db.CheckInEntries.CountAsync(), await db.CheckInAudit.CountAsync(), await db.ChatIdentities.CountAsync(),
            await db.ChatUsers.CountAsync(), await db.InboundSeen.CountAsync(), await db.Deliveries.CountAsync(),
            await db.ChannelLinks.CountAsync(), await db.ChatInstallations.CountAsync(), await db.DaySkips.CountAsync(),
            await db.Blockers.CountAsync());
    }
}
