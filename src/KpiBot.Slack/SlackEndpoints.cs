using KpiBot.Slack.Handling;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack;

/// <summary>
/// Slack's HTTP request URL: <c>POST /slack/events</c> takes Events API callbacks, interactivity and slash
/// commands (<c>/slack/commands</c> and <c>/slack/interactions</c> are the same endpoint). The raw body is read
/// up to the size limit, verified and parsed by <see cref="SlackRequestReader"/>, then handed to the
/// <see cref="ISlackInboundHandler"/>: 401 when not signed by Slack, 413 when too large, 400 when signed but not
/// understood, 403 when signed but from a workspace KpiBot does not serve (<see cref="SlackTenantGate"/>), and
/// nothing read or stored for any of them.
/// </summary>
public static class SlackEndpoints
{
    public static readonly IReadOnlyList<string> Paths = ["/slack/events", "/slack/commands", "/slack/interactions"];

    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var path in Paths)
        {
            app.MapPost(path, HandleAsync).ExcludeFromDescription();
        }

        return app;
    }

    private static async Task HandleAsync(HttpContext http, [AsParameters] SlackEndpointServices services)
    {
        var logger = services.Loggers.CreateLogger(typeof(SlackEndpoints));
        var body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var headers = http.Request.Headers;
        var (contentType, timestamp, signature) = (http.Request.ContentType, headers[SlackHeaders.Timestamp].ToString(), headers[SlackHeaders.Signature].ToString());
        var inbound = services.Reader.Read(contentType, timestamp, signature, body, null);
        if (!await services.Gate.AllowsAsync(inbound, http.RequestAborted).ConfigureAwait(false))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (inbound is SlackInbound.Command { EventId: not null } command
            && await services.Bots.ForTeamAsync(command.Message.User.TenantId, http.RequestAborted).ConfigureAwait(false) is { } bot)
        {
            // Verified already: read again knowing the bot, to strip its mention anywhere and ignore its own messages.
            inbound = SlackEventParser.Parse(body, bot);
        }

        switch (inbound)
        {
            case SlackInbound.Refused refused:
                Log.Refused(logger, refused.Reason.ToString());
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            case SlackInbound.TooLarge:
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            case SlackInbound.Malformed malformed:
                Log.Malformed(logger, malformed.Reason);
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            case SlackInbound.SslCheck or SlackInbound.Ignored:
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }

        var ack = await services.Handler.HandleAsync(inbound, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = ack.Refused ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        if (ack.PayloadJson is { } json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(json, http.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The raw body, or null when it is larger than <see cref="SlackRequestReader.MaxBodyBytes"/> (read no further).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > SlackRequestReader.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > SlackRequestReader.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>What the Slack endpoint uses, injected per request.</summary>
internal sealed record SlackEndpointServices(
    [FromServices] SlackRequestReader Reader,
    [FromServices] SlackBotIdentities Bots,
    [FromServices] SlackTenantGate Gate,
    [FromServices] ISlackInboundHandler Handler,
    [FromServices] ILoggerFactory Loggers);
