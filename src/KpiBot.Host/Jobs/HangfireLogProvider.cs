using HangfireLog = Hangfire.Logging;

namespace KpiBot.Host.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static, shared by every host in the process. This one writes to the
/// host's logging and, when that host is gone (tests and benchmarks run several hosts in one process),
/// quietly drops the message instead of failing the job that wanted to log.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory factory) : HangfireLog.ILogProvider
{
    public HangfireLog.ILog GetLogger(string name) => new SafeLog(factory, name);

    private sealed class SafeLog(ILoggerFactory factory, string name) : HangfireLog.ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                logger = _logger ??= factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            var level = logLevel switch
            {
                HangfireLog.LogLevel.Trace => LogLevel.Trace,
                HangfireLog.LogLevel.Debug => LogLevel.Debug,
                HangfireLog.LogLevel.Info => LogLevel.Information,
                HangfireLog.LogLevel.Warn => LogLevel.Warning,
                HangfireLog.LogLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null)
            {
                return logger.IsEnabled(level);
            }

            try
            {
#pragma warning disable CA1848, CA2254 // Hangfire hands over finished messages; there is no template to cache.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
            }
            catch (ObjectDisposedException)
            {
                return false;
            }

            return true;
        }
    }
}
