using KpiBot.Slack.Inbound;
using KpiBot.Slack.SocketMode;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Tests.SocketMode;

/// <summary>The Socket Mode service as the host registers it, pointed at a <see cref="FakeSocketModeServer"/>, with a recording handler and logger.</summary>
internal sealed class SocketModeHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SocketModeHarness(FakeSocketModeServer slack, ServiceProvider services, RecordingInboundHandler handler, RecordingLoggerProvider logs)
    {
        Slack = slack;
        _services = services;
        Handler = handler;
        Logs = logs;
        Service = services.GetServices<IHostedService>().OfType<SlackSocketModeService>().Single();
    }

    public FakeSocketModeServer Slack { get; }

    public RecordingInboundHandler Handler { get; }

    public RecordingLoggerProvider Logs { get; }

    public SlackSocketModeService Service { get; }

    public static async Task<SocketModeHarness> StartAsync(string? appToken = FakeSocketModeServer.GoodAppToken)
    {
        var slack = await FakeSocketModeServer.StartAsync();
        var handler = new RecordingInboundHandler();
        var logs = new RecordingLoggerProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = appToken,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSlack()
            .AddSlackSocketMode()
            .AddSingleton<ISlackInboundHandler>(handler);
        services.Replace(ServiceDescriptor.Singleton(new SocketModeBackoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20))));
        var provider = services.BuildServiceProvider();
        var harness = new SocketModeHarness(slack, provider, handler, logs);
        await harness.Service.StartAsync(CancellationToken.None);
        return harness;
    }

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Service.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
