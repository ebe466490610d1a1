using Microsoft.Extensions.Logging;

namespace KpiBot.Web.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "API {Method} {Path} by key {KeyName}: {Status} in {Milliseconds:0} ms")]
    public static partial void Call(ILogger logger, string method, string path, string keyName, int status, double milliseconds);
}
