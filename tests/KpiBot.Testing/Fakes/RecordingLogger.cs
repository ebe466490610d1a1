using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KpiBot.Testing.Fakes;

/// <summary>Keeps every log line (level, event id, formatted text and exception) so tests can read what was logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Waits until <paramref name="count"/> lines with event id <paramref name="eventId"/> were logged.</summary>
    public async Task WaitForAsync(int eventId, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Lines.Count(l => l.EventId == eventId) < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public string AllText => string.Join('\n', Lines.Select(l => l.Text + " " + l.Exception));

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue(new LogLine(logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}

public sealed record LogLine(LogLevel Level, int EventId, string Text, string? Exception);
