using System.Collections.Concurrent;
using System.Diagnostics;
using KpiBot.Core.Inbound;
using KpiBot.Host.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpiBot.Host.Tests.Inbound;

/// <summary>
/// The inbound queue's one stop rule, with a shutdown timeout T of 3 s: it drains until T/3; what has not started
/// by then, and what arrives later, goes to the durable job (here a recording hand-over); work already running is
/// let finish until 2T/3 and only then cancelled; work with no durable form is counted lost, never run twice.
/// </summary>
public sealed class InboundQueueTests : IAsyncDisposable
{
    private static readonly TimeSpan Shutdown = TimeSpan.FromSeconds(3);
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly ApplicationLifetime _lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly RecordingHandover _handover = new();
    private readonly InboundQueue _queue;

    public InboundQueueTests() => _queue = NewQueue(Shutdown);

    private InboundQueue NewQueue(TimeSpan shutdown) => new(
        _services.GetRequiredService<IServiceScopeFactory>(), _handover, _lifetime,
        Options.Create(new HostOptions { ShutdownTimeout = shutdown }), NullLogger<InboundQueue>.Instance);

    [Fact]
    public async Task Stop_WorkThatEndsWithinTheDrainTime_AllRunsHereAndNothingIsHandedOver()
    {
        // 40 × 20 ms of work over 8 workers needs ~0.1 s; a 30 s shutdown (10 s of drain) keeps that true on a
        // machine loaded enough to stretch it tenfold, which the 3 s of the other cases (1 s of drain) did not.
        var shutdown = TimeSpan.FromSeconds(30);
        using var queue = NewQueue(shutdown);
        await queue.StartAsync(CancellationToken.None);
        var ran = new ConcurrentBag<int>();
        for (var i = 0; i < 40; i++)
        {
            var n = i;
            Assert.True(queue.TryEnqueue(Work(n, async ct =>
            {
                await Task.Delay(20, ct);
                ran.Add(n);
            })));
        }

        var clock = Stopwatch.StartNew();
        _lifetime.StopApplication();
        await queue.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 40), ran.Order());
        Assert.Empty(_handover.Items);
        Assert.Equal(0, queue.Pending);
        Assert.True(clock.Elapsed < InboundQueue.DrainTimeout(shutdown), $"stopped after {clock.Elapsed}, the queue was empty long before");
    }

    [Fact]
    public async Task Stop_WorkNotStartedByTheDrainTime_IsHandedToTheDurableJob_RunningWorkFinishes_LaterWorkGoesStraightThere()
    {
        // 9 s (3 s of drain, running work cancelled at 6 s): the test's own steps between the hand-over and the
        // release must fit before the cancel on a machine loaded enough to stall it for a second or two.
        var shutdown = TimeSpan.FromSeconds(9);
        using var queue = NewQueue(shutdown);
        await queue.StartAsync(CancellationToken.None);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new CountdownEvent(InboundQueue.Parallelism);
        var finished = new ConcurrentBag<int>();
        var cancelled = 0;
        for (var i = 0; i < InboundQueue.Parallelism; i++)
        {
            var n = i;
            queue.TryEnqueue(Work(n, async ct =>
            {
                running.Signal();
                await release.Task;
                if (ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref cancelled);
                }

                finished.Add(n);
            }));
        }

        Assert.True(running.Wait(TimeSpan.FromSeconds(10)), "every reader took an item");
        var neverRun = new ConcurrentBag<int>();
        for (var i = 100; i < 105; i++)
        {
            var n = i;
            queue.TryEnqueue(Work(n, _ => { neverRun.Add(n); return Task.CompletedTask; }));
        }

        queue.TryEnqueue(new InboundWork("test", "no durable form", (_, _) => { neverRun.Add(-1); return Task.CompletedTask; }));
        Assert.Equal(InboundQueue.Parallelism + 6, queue.Pending);

        var stopping = Stopwatch.GetTimestamp();
        _lifetime.StopApplication();
        var stop = queue.StopAsync(CancellationToken.None);

        // Until T/3 nothing is handed over (the queue may still drain); at T/3 the five durable items go to the job,
        // in order; the one without a durable form is lost. When each went is recorded by the hand-over itself, so
        // a loaded machine that wakes this test late cannot make the order of events look wrong.
        await WaitUntilAsync(() => _handover.Items.Count == 5);
        Assert.All(_handover.Times, at => Assert.InRange(
            Stopwatch.GetElapsedTime(stopping, at), InboundQueue.DrainTimeout(shutdown) - TimeSpan.FromMilliseconds(100), shutdown * 2 / 3));
        Assert.Equal(["100", "101", "102", "103", "104"], _handover.Items.Select(h => h.Payload));
        Assert.All(_handover.Items, h => Assert.Equal(("test", "work"), (h.Platform, h.Kind)));

        // Work arriving after the drain time (a request still being answered) goes straight to the job.
        Assert.True(queue.TryEnqueue(Work(200, _ => { neverRun.Add(200); return Task.CompletedTask; })));
        await queue.EnqueueAsync(Work(201, _ => { neverRun.Add(201); return Task.CompletedTask; }), CancellationToken.None);
        Assert.Equal(["100", "101", "102", "103", "104", "200", "201"], _handover.Items.Select(h => h.Payload));

        // The running items finish before 2T/3, uncancelled, and the stop waits for them.
        Assert.False(stop.IsCompleted);
        release.SetResult();
        await stop;
        Assert.Equal(Enumerable.Range(0, InboundQueue.Parallelism), finished.Order());
        Assert.Equal(0, cancelled);
        Assert.Empty(neverRun);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task Stop_WorkStillRunningAtTwoThirdsOfTheShutdownTimeout_IsCancelled()
    {
        await _queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TimeSpan? cancelledAfter = null;
        var clock = new Stopwatch();
        _queue.TryEnqueue(Work(1, async ct =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelledAfter = clock.Elapsed;
                throw;
            }
        }));
        await started.Task;

        clock.Start();
        _lifetime.StopApplication();
        await _queue.StopAsync(CancellationToken.None);

        Assert.NotNull(cancelledAfter);
        Assert.InRange(cancelledAfter.Value, Shutdown * 2 / 3 - TimeSpan.FromMilliseconds(100), Shutdown);
        Assert.Empty(_handover.Items);
        Assert.Equal(0, _queue.Pending);
    }

    [Fact]
    public async Task Stop_HostGivesUpBeforeTheRule_RunningWorkIsCancelledThen()
    {
        await _queue.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.TryEnqueue(Work(1, async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }));
        await started.Task;

        using var hostGivesUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await _queue.StopAsync(hostGivesUp.Token);
        Assert.True(clock.Elapsed < Shutdown * 2 / 3, $"stopped after {clock.Elapsed}");
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Dispose();
        await _services.DisposeAsync();
    }

    private static InboundWork Work(int n, Func<CancellationToken, Task> run) =>
        new("test", "work", (_, ct) => run(ct)) { Durable = () => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private sealed class RecordingHandover : IInboundHandover
    {
        private readonly ConcurrentQueue<(string Platform, string Kind, string Payload, long At)> _items = new();

        public IReadOnlyList<(string Platform, string Kind, string Payload)> Items =>
            [.. _items.Select(i => (i.Platform, i.Kind, i.Payload))];

        /// <summary>When each item was handed over (<see cref="Stopwatch.GetTimestamp"/>).</summary>
        public IReadOnlyList<long> Times => [.. _items.Select(i => i.At)];

        public void HandOver(string platform, string kind, string payload) =>
            _items.Enqueue((platform, kind, payload, Stopwatch.GetTimestamp()));
    }
}
