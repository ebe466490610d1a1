using System.Text;
using System.Text.Json;
using KpiBot.Core.Access;
using KpiBot.Core.Chat;
using KpiBot.Core.Inbound;
using KpiBot.Core.Conversations;
using KpiBot.Teams.Activities;
using KpiBot.Teams.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpiBot.Teams.Inbound;

/// <summary>
/// POST /api/messages: reads the body (size-limited), authenticates it (401 bad token, 403 key not endorsed
/// for the channel), parses it, and answers 200 at once — the engine's replies are separate outbound calls,
/// made after the answer, as work on the host's inbound queue. An <c>adaptiveCard/action</c> invoke is the exception: its answer is the refreshed
/// card, in the same response. Nothing is stored for a refused request.
/// </summary>
public static class TeamsEndpoints
{
    public const string Route = "/api/messages";

    public static IEndpointConventionBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(Route, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context, [AsParameters] TeamsEndpointServices services)
    {
        var options = services.Options.Value;
        var logger = services.Loggers.CreateLogger(typeof(TeamsEndpoints).FullName!);
        var cancellationToken = context.RequestAborted;

        var body = await ReadBodyAsync(context.Request, options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Log.Refused(logger, StatusCodes.Status413PayloadTooLarge, "body too large");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var activity = ActivityParser.Read(body);
        var refusal = await AuthenticateAsync(context, activity, options, services, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            Log.Refused(logger, refusal.Value.Status, refusal.Value.Reason);
            context.Response.StatusCode = refusal.Value.Status;
            return;
        }

        if (activity is null)
        {
            Log.Refused(logger, StatusCodes.Status400BadRequest, "not an activity");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!FromOwnTenant(activity, options))
        {
            // A single-tenant bot serves its own organisation only: another tenant's people, cards and rosters are
            // never matched to ours (not even by email), whatever the activity says.
            Log.Refused(logger, StatusCodes.Status403Forbidden, "another tenant");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var inbound = ActivityParser.Parse(activity);
        switch (inbound)
        {
            case TeamsInbound.Submission { IsInvoke: true } invoke:
                await InvokeAsync(context, services, invoke, activity, cancellationToken).ConfigureAwait(false);
                return;
            case TeamsInbound.Ignored ignored:
                Log.Ignored(logger, ignored.Reason);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            default:
                await services.Queue.EnqueueAsync(
                    new InboundWork(Platforms.Teams, TeamsInboundResumer.Activity, (scope, ct) => scope.GetRequiredService<TeamsActivityHandler>().HandleAsync(inbound, activity, ct))
                    {
                        Durable = () => Encoding.UTF8.GetString(body),
                    },
                    cancellationToken).ConfigureAwait(false);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }

    private static async Task InvokeAsync(
        HttpContext context, TeamsEndpointServices services, TeamsInbound.Submission invoke, Activity activity, CancellationToken cancellationToken)
    {
        var (response, rest) = await services.Handler.InvokeAsync(invoke, activity, cancellationToken).ConfigureAwait(false);
        if (rest.Replies.Count > 0)
        {
            var input = invoke.Input;
            var kind = activity.Conversation?.ConversationType is "channel" ? ConversationKind.Channel
                : activity.Conversation?.ConversationType is "groupChat" ? ConversationKind.GroupChat : ConversationKind.Personal;
            // The rest of an answer already decided (the values are stored): it has no durable form.
            await services.Queue.EnqueueAsync(
                new InboundWork(Platforms.Teams, "invoke follow-up", (scope, ct) => scope.GetRequiredService<TeamsActivityHandler>().FollowUpAsync(rest, activity, input.User, kind, ct)),
                cancellationToken).ConfigureAwait(false);
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, TeamsJsonContext.Default.InvokeResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>With <c>Teams:TenantId</c> set, whether the activity comes from that tenant (an activity naming none does not).</summary>
    private static bool FromOwnTenant(Activity activity, TeamsOptions options) =>
        string.IsNullOrWhiteSpace(options.TenantId)
        || string.Equals(activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id, options.TenantId.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when fine; else the status and the reason for the log.</summary>
    private static async Task<(int Status, string Reason)?> AuthenticateAsync(
        HttpContext context, Activity? activity, TeamsOptions options, TeamsEndpointServices services, CancellationToken cancellationToken)
    {
        if (services.Emulator.Enabled && string.IsNullOrWhiteSpace(options.AppId))
        {
            if (IsLoopback(context))
            {
                Log.Unauthenticated(services.Loggers.CreateLogger(typeof(TeamsEndpoints).FullName!));
                return null;
            }

            return (StatusCodes.Status401Unauthorized, "Emulator mode accepts loopback requests only");
        }

        var result = await services.Tokens.ValidateAsync(
            context.Request.Headers.Authorization.ToString(), activity?.ChannelId, activity?.ServiceUrl, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            InboundAuthResult.Valid => null,
            InboundAuthResult.Forbidden forbidden => (StatusCodes.Status403Forbidden, forbidden.Reason),
            InboundAuthResult.Unauthorized unauthorized => (StatusCodes.Status401Unauthorized, unauthorized.Reason),
            _ => (StatusCodes.Status401Unauthorized, "unknown"),
        };
    }

    /// <summary>A request from this machine, not forwarded on behalf of another: the host's one rule (<see cref="LocalRequests"/>).</summary>
    private static bool IsLoopback(HttpContext context) =>
        LocalRequests.IsLocal(context.Connection.RemoteIpAddress, header => context.Request.Headers.ContainsKey(header));

    /// <summary>The body, or null when it is larger than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>What <c>/api/messages</c> uses, injected per request.</summary>
internal sealed record TeamsEndpointServices(
    [FromServices] IOptions<TeamsOptions> Options,
    [FromServices] TeamsEmulatorMode Emulator,
    [FromServices] BotFrameworkTokenValidator Tokens,
    [FromServices] TeamsActivityHandler Handler,
    [FromServices] IInboundQueue Queue,
    [FromServices] ILoggerFactory Loggers);
