using System.Text.Json;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Inbound;
using KpiBot.Core.Views;
using KpiBot.Slack.Api;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpiBot.Slack.Handling;

/// <summary>
/// The shared handling of every verified Slack request, for HTTP and Socket Mode alike. Events are
/// de-duplicated on <c>event_id</c> and acknowledged at once, their work queued; a slash command is answered
/// in its acknowledgement when the engine is done within <see cref="SlashAnswerWait"/>, else through its
/// <c>response_url</c>; the prompt's button opens the modal before acknowledging (the trigger id lives 3 s);
/// a modal submission is decided before acknowledging (errors next to the field, a confirmation step pushed
/// over the form, or the form closed and the card replaced by the receipt). Services are resolved per call.
/// A request from a workspace KpiBot does not serve is refused first (<see cref="SlackTenantGate"/>).
/// </summary>
public sealed partial class SlackInboundHandler(
    IServiceScopeFactory scopes, IInboundQueue queue, SlackBotIdentities bots, SlackTenantGate gate, TimeProvider time, ILogger<SlackInboundHandler> logger)
    : ISlackInboundHandler
{
    /// <summary>How long a slash command's acknowledgement waits for the answer (Slack gives up after 3 s).</summary>
    public static readonly TimeSpan SlashAnswerWait = TimeSpan.FromSeconds(2.5);

    private const int ErrorTextLimit = 2000;
    private const int MetadataLimit = 3000;

    public async Task<SlackAck> HandleAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return await gate.AllowsAsync(inbound, cancellationToken).ConfigureAwait(false)
            ? await HandleServedAsync(inbound, cancellationToken).ConfigureAwait(false)
            : SlackAck.OtherWorkspace;
    }

    private Task<SlackAck> HandleServedAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        return inbound switch
        {
            SlackInbound.Command { EventId: { } eventId } command => EventAsync(command, eventId, cancellationToken),
            SlackInbound.Command command => SlashCommandAsync(command, cancellationToken),
            SlackInbound.OpenCheckIn open => OpenCheckInAsync(open, cancellationToken),
            SlackInbound.OpenReport open => OpenReportAsync(open, cancellationToken),
            SlackInbound.Report report => ReportModalAsync(report.Value, cancellationToken),
            SlackInbound.Clicked clicked => Task.FromResult(Queue("button", ct => ClickedAsync(clicked, ct), new SlackHandover(SlackHandover.Button, clicked.Message, ResponseUrl: clicked.ResponseUrl))),
            SlackInbound.Submission { Value.Action: CardAction.Submit } modal => ModalAsync(modal.Value, cancellationToken),
            SlackInbound.Submission button => Task.FromResult(Queue("card button", ct => SubmitAsync(button.Value, ct), new SlackHandover(SlackHandover.CardButton, Submission: button.Value))),
            SlackInbound.Uninstalled gone => Task.FromResult(Queue("uninstall", ct => ForgetAsync(gone.TeamId, ct), new SlackHandover(SlackHandover.Uninstall, TeamId: gone.TeamId))),
            SlackInbound.UrlVerification verification => Task.FromResult(Json(new UrlVerificationAnswer(verification.Challenge), SlackJsonContext.Default.UrlVerificationAnswer)),
            _ => Task.FromResult(SlackAck.Empty),
        };
    }

    private async Task<SlackAck> EventAsync(SlackInbound.Command command, string eventId, CancellationToken ct)
    {
        var user = command.Message.User;
        if (await bots.ForTeamAsync(user.TenantId, ct).ConfigureAwait(false) is { } bot && bot.UserId == user.UserId)
        {
            return SlackAck.Empty;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var dedupe = scope.ServiceProvider.GetRequiredService<IInboundDedupe>();
            if (!await dedupe.FirstTimeAsync(Platforms.Slack, "event:" + eventId, time.GetUtcNow(), ct).ConfigureAwait(false))
            {
                Log.Repeated(logger, eventId);
                return SlackAck.Empty;
            }
        }

        return Queue("message", work => MessageAsync(command.Message, null, work), new SlackHandover(SlackHandover.TextCommand, command.Message));
    }

    /// <summary>Runs a text command and says the answer in its conversation (or through <paramref name="responseUrl"/>).</summary>
    private async Task MessageAsync(IncomingMessage message, string? responseUrl, CancellationToken work)
    {
        var url = Uri.TryCreate(responseUrl, UriKind.Absolute, out var u) ? u : null;
        var target = new ReplyTarget(message.User, message.Conversation, message.Kind, url);
        await using var scope = scopes.CreateAsyncScope();
        var reply = await RunAsync(scope.ServiceProvider, message, work).ConfigureAwait(false);
        await scope.ServiceProvider.GetRequiredService<SlackReplier>().DeliverAsync(reply, target, false, work).ConfigureAwait(false);
    }

    private async Task<SlackAck> SlashCommandAsync(SlackInbound.Command command, CancellationToken ct)
    {
        var answered = new TaskCompletionSource<ChatReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var acked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = Uri.TryCreate(command.ResponseUrl, UriKind.Absolute, out var u) ? u : null;
        var target = new ReplyTarget(command.Message.User, command.Message.Conversation, command.Message.Kind, url);
        var queued = queue.TryEnqueue(new InboundWork(Platforms.Slack, "slash command", async (_, work) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            ChatReply reply;
            try
            {
                reply = await RunAsync(scope.ServiceProvider, command.Message, work).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                answered.TrySetException(e);
                throw;
            }

            if (reply.Replies is [{ View: ReportFormView form }] && command.TriggerId is { } trigger
                && await OpenReportModalAsync(scope.ServiceProvider, command.Message.User, trigger, form, command.Message.Conversation.ConversationId, work).ConfigureAwait(false))
            {
                // `/kpi report` opened the form: nothing to say in the conversation.
                answered.TrySetResult(new ChatReply([]));
                return;
            }

            answered.TrySetResult(reply);
            var firstAnswered = await acked.Task.ConfigureAwait(false);
            await scope.ServiceProvider.GetRequiredService<SlackReplier>().DeliverAsync(reply, target, firstAnswered, work).ConfigureAwait(false);
        })
        {
            // Handed over before it ran: the command runs later and answers through its response_url.
            Durable = () => new SlackHandover(SlackHandover.TextCommand, command.Message, ResponseUrl: command.ResponseUrl).Write(),
        });
        if (!queued)
        {
            Log.QueueFull(logger, "slash command");
            return SlackAck.Empty;
        }

        ResponseMessage? first = null;
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var done = await Task.WhenAny(answered.Task, Task.Delay(SlashAnswerWait, time, wait.Token)).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            if (done == answered.Task && answered.Task.IsCompletedSuccessfully)
            {
                first = SlackReplier.FirstAnswer(answered.Task.Result);
            }
        }
        finally
        {
            acked.TrySetResult(first is not null);
        }

        return first is null ? SlackAck.Empty : Json(first, SlackJsonContext.Default.ResponseMessage);
    }

    private async Task<SlackAck> OpenCheckInAsync(SlackInbound.OpenCheckIn open, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var conversation = new ConversationAddress(Platforms.Slack, open.User.TenantId, open.Card.Channel ?? open.User.UserId);
        var request = new CardRequest(open.User, conversation, open.Card.OccurrenceKey, open.Card.WorkDay, open.Card.PersonId);
        var view = await services.GetRequiredService<ConversationService>().CardAsync(request, ct).ConfigureAwait(false);
        if (view is CheckInPromptView prompt)
        {
            try
            {
                await services.GetRequiredService<SlackApiClient>()
                    .OpenViewAsync(open.User.TenantId, open.TriggerId, CheckInRenderer.RenderModal(prompt, open.Card), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
            {
                Log.CallFailed(logger, "views.open", open.User.TenantId, e.Message);
            }

            return SlackAck.Empty;
        }

        var target = new ReplyTarget(open.User, conversation, conversation.ConversationId.StartsWith('D') ? ConversationKind.Personal : ConversationKind.Channel);
        return Queue("card refusal", async work =>
        {
            await using var later = scopes.CreateAsyncScope();
            await later.ServiceProvider.GetRequiredService<SlackReplier>()
                .DeliverAsync(ChatReply.Say(view, ReplyVisibility.Private), target, false, work).ConfigureAwait(false);
        });
    }

    /// <summary>Skip / Same from the prompt, after the acknowledgement.</summary>
    private async Task SubmitAsync(CardSubmission submission, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reply = await RunAsync(scope.ServiceProvider, submission, ct).ConfigureAwait(false);
        await scope.ServiceProvider.GetRequiredService<SlackReplier>().DeliverAsync(reply, ReplyTarget.ForCard(submission), false, ct).ConfigureAwait(false);
    }

    private Task<ChatReply> RunAsync(IServiceProvider services, IncomingMessage message, CancellationToken ct) =>
        EngineAsync(services, "message", message.User, null, message.Locale, c => c.HandleAsync(message, ct), ct);

    private Task<ChatReply> RunAsync(IServiceProvider services, CardSubmission submission, CancellationToken ct) =>
        EngineAsync(services, "check-in", submission.User, submission.PersonId, submission.Locale, c => c.HandleAsync(submission, ct), ct);

    /// <summary>
    /// Runs the engine on a request. When it fails — the database went away, say — the person is told to send it
    /// again (in a modal, next to the form, which keeps what they typed), and the failure is logged: never silence.
    /// </summary>
    private async Task<ChatReply> EngineAsync(
        IServiceProvider services, string kind, ChatUser user, string? personId, string? locale, Func<ConversationService, Task<ChatReply>> run, CancellationToken ct)
    {
        var conversations = services.GetRequiredService<ConversationService>();
        try
        {
            return await run(conversations).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, the person gets an answer; the error is logged.
        catch (Exception e) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.EngineFailed(logger, e, kind);
            return await conversations.UnavailableAsync(user, personId, locale, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The app left a workspace (or lost its bot token there): forget the OAuth installation, when the install is registered.</summary>
    private async Task ForgetAsync(string teamId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<Install.SlackInstallService>() is { } install)
        {
            await install.ForgetAsync(teamId, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Queues <paramref name="work"/> for after the acknowledgement; <paramref name="durable"/> is the same work as a
    /// stopping host hands it to a durable job (<see cref="ResumeAsync"/>), null when it cannot outlive the process.
    /// </summary>
    private SlackAck Queue(string kind, Func<CancellationToken, Task> work, SlackHandover? durable = null)
    {
        var item = new InboundWork(Platforms.Slack, kind, (_, ct) => work(ct)) { Durable = durable is null ? null : durable.Write };
        if (!queue.TryEnqueue(item))
        {
            Log.QueueFull(logger, kind);
        }

        return SlackAck.Empty;
    }

    /// <summary>Runs work a stopping host handed over (<see cref="SlackHandover"/>), as the queue would have run it.</summary>
    internal Task ResumeAsync(string payload, CancellationToken ct)
    {
        var work = SlackHandover.Read(payload);
        return work switch
        {
            { Kind: SlackHandover.TextCommand, Message: { } message } => MessageAsync(message, work.ResponseUrl, ct),
            { Kind: SlackHandover.Button, Message: { } message } => ClickedAsync(new SlackInbound.Clicked(message, work.ResponseUrl), ct),
            { Kind: SlackHandover.CardButton, Submission: { } submission } => SubmitAsync(submission, ct),
            { Kind: SlackHandover.Uninstall, TeamId: { } team } => ForgetAsync(team, ct),
            _ => throw new InvalidOperationException($"Handed-over Slack work of an unknown kind: {work.Kind}"),
        };
    }

    private static SlackAck Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => new(JsonSerializer.Serialize(value, type));
}
