using KpiBot.Core.Goals;
using KpiBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Storage.Tests;

public abstract class CachedGoalsProviderTests : StorageTestBase
{
    private readonly FakeTimeProvider _time = new(April1);

    [Fact]
    public async Task Current_BeforeAnyImport_IsNull_AndPicksUpTheFirstImportAfterTheInterval()
    {
        await using var services = BuildServices();
        var provider = services.GetRequiredService<IGoalsProvider>();

        Assert.Null(await provider.CurrentAsync(Ct));
        await ImportAsync();
        Assert.Null(await provider.CurrentAsync(Ct)); // within the interval: not asked again

        _time.Advance(TimeSpan.FromSeconds(5));
        var model = await provider.CurrentAsync(Ct);

        Assert.NotNull(model);
        Assert.Equal([SampleGoals.Alice, SampleGoals.Bob, SampleGoals.Carol], model.People.Select(p => p.Id));
    }

    [Fact]
    public async Task Current_WhenTheVersionIsUnchanged_KeepsTheSameModel_AndReloadsOnANewImport()
    {
        await ImportAsync();
        await using var services = BuildServices();
        var provider = services.GetRequiredService<CachedGoalsProvider>();
        var first = await provider.CurrentAsync(Ct);

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Same(first, await provider.CurrentAsync(Ct)); // checked, same version: not reloaded

        await ImportAsync(SampleGoals.Build(withCarol: false));
        Assert.Same(first, await provider.CurrentAsync(Ct)); // checked a moment ago
        _time.Advance(TimeSpan.FromSeconds(6));
        var second = await provider.CurrentAsync(Ct);

        Assert.NotSame(first, second);
        Assert.Equal([SampleGoals.Alice, SampleGoals.Bob], second!.People.Select(p => p.Id));
        Assert.Equal(2, provider.Version);
    }

    [Fact]
    public async Task Current_LaysChatProfilesOver_FileZoneFirst_ChatLocaleFirst_AndSeesAChangeWithoutAnImport()
    {
        await ImportAsync();
        var bobSlack = new KpiBot.Core.Chat.ChatUser(KpiBot.Core.Chat.Platforms.Slack, "T1", "U-BOB");
        await using (var db = Database.NewContext())
        {
            await new PersonDirectory(db).LinkAsync(bobSlack, SampleGoals.Bob, April1, Ct);
            await new ChatUserStore(db).SaveAsync(new KpiBot.Core.Chat.ChatUserInfo(bobSlack, Email: "bob@example.com"), April1, Ct);
        }

        await using var services = BuildServices();
        var provider = services.GetRequiredService<CachedGoalsProvider>();
        var first = await provider.CurrentAsync(Ct);
        Assert.Null(first!.PeopleById[SampleGoals.Bob].ChatTimeZone); // an email alone is no profile

        await using (var db = Database.NewContext())
        {
            await new ChatUserStore(db).SaveAsync(
                new KpiBot.Core.Chat.ChatUserInfo(bobSlack, TimeZone: "America/New_York", Locale: "ja-JP"), April1.AddMinutes(1), Ct);
        }

        _time.Advance(TimeSpan.FromSeconds(6));
        var second = await provider.CurrentAsync(Ct);
        var bob = second!.PeopleById[SampleGoals.Bob];

        Assert.NotSame(first, second);
        Assert.Equal("America/New_York", bob.ChatTimeZone);
        Assert.Equal("America/New_York", KpiBot.Core.Calendar.Zones.ZoneOf(bob, second)); // the file gives Bob none
        Assert.Equal("ja", Languages.For(bob, second).TwoLetterISOLanguageName); // his team says en

        // Saving the same profile again moves nothing: the model is not rebuilt.
        await using (var db = Database.NewContext())
        {
            await new ChatUserStore(db).SaveAsync(
                new KpiBot.Core.Chat.ChatUserInfo(bobSlack, TimeZone: "America/New_York", Locale: "ja-JP"), April1.AddMinutes(2), Ct);
        }

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Same(second, await provider.CurrentAsync(Ct));
    }

    [Fact]
    public async Task Current_AProfileSavedBeforeTheLink_AppliesOnceTheLinkIsMade()
    {
        await ImportAsync();
        var bobSlack = new KpiBot.Core.Chat.ChatUser(KpiBot.Core.Chat.Platforms.Slack, "T1", "U-BOB");
        await using (var db = Database.NewContext())
        {
            await new ChatUserStore(db).SaveAsync(new KpiBot.Core.Chat.ChatUserInfo(bobSlack, TimeZone: "America/Chicago"), April1, Ct);
        }

        await using var services = BuildServices();
        var provider = services.GetRequiredService<CachedGoalsProvider>();
        Assert.Null((await provider.CurrentAsync(Ct))!.PeopleById[SampleGoals.Bob].ChatTimeZone); // not his yet

        await using (var db = Database.NewContext())
        {
            await new PersonDirectory(db).LinkAsync(bobSlack, SampleGoals.Bob, April1.AddMinutes(5), Ct);
        }

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("America/Chicago", (await provider.CurrentAsync(Ct))!.PeopleById[SampleGoals.Bob].ChatTimeZone);
    }

    [Fact]
    public async Task Invalidate_MakesTheNextCallCheckAtOnce()
    {
        await ImportAsync();
        await using var services = BuildServices();
        var provider = services.GetRequiredService<CachedGoalsProvider>();
        await provider.CurrentAsync(Ct);
        await ImportAsync(SampleGoals.Build(withCarol: false));

        provider.Invalidate();

        Assert.Equal(2, (await provider.CurrentAsync(Ct))!.People.Count);
    }

    [Fact]
    public async Task Current_FromManyCallersAtOnce_LoadsOneModelForAll()
    {
        await ImportAsync();
        await using var services = BuildServices();
        var provider = services.GetRequiredService<IGoalsProvider>();

        var models = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await provider.CurrentAsync(Ct))));

        Assert.NotNull(models[0]);
        Assert.All(models, m => Assert.Same(models[0], m));
    }

    private ServiceProvider BuildServices()
    {
        var options = Database.Options;
        options.GoalsCheckInterval = TimeSpan.FromSeconds(5);
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddKpiBotStorage(options)
            .BuildServiceProvider();
    }
}

public sealed class SqliteCachedGoalsProviderTests : CachedGoalsProviderTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresCachedGoalsProviderTests : CachedGoalsProviderTests
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
