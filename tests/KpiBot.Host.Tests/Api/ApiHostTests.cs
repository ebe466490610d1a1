using System.Net;
using KpiBot.Storage;
using KpiBot.Testing;

namespace KpiBot.Host.Tests.Api;

/// <summary>
/// The API tests' hosts listen on a loopback port of their own, so test runs in several worktrees (or a host left
/// running on the default port) never keep one from starting.
/// </summary>
public sealed class ApiHostTests
{
    [Fact]
    public async Task TwoHostsAtOnce_EachListensOnItsOwnLoopbackPort_NotTheDefault()
    {
        await using var firstDb = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var secondDb = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var first = await ApiHost.StartAsync(firstDb);
        await using var second = await ApiHost.StartAsync(secondDb);

        var addresses = new[] { first.Client.BaseAddress!, second.Client.BaseAddress! };
        Assert.All(addresses, a => Assert.Equal(("127.0.0.1", false), (a.Host, a.Port == 5000)));
        Assert.NotEqual(addresses[0].Port, addresses[1].Port);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("/healthz")).StatusCode);
    }
}
