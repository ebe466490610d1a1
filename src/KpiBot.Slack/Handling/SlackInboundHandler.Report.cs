using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Slack.Api;
using KpiBot.Slack.BlockKit;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Json;
using Microsoft.Extensions.DependencyInjection;

namespace KpiBot.Slack.Handling;

/// <summary>
/// The report form as a modal: opened by <c>/kpi report</c> (with the command's trigger) or by the form message's
/// button; its submission decided before the acknowledgement — a refusal next to its field, else the form closes
/// and the receipt (or the confirmation to give) is said privately where the form was opened.
/// </summary>
public sealed partial class SlackInboundHandler
{
    private async Task<SlackAck> OpenReportAsync(SlackInbound.OpenReport open, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var conversation = new ConversationAddress(Platforms.Slack, open.User.TenantId, open.Channel);
        var view = await services.GetRequiredService<ConversationService>()
            .ReportFormAsync(new ReportFormRequest(open.User, conversation, open.Selected), ct).ConfigureAwait(false);
        if (view is ReportFormView form && await OpenReportModalAsync(services, open.User, open.TriggerId, form, open.Channel, ct).ConfigureAwait(false))
        {
            return SlackAck.Empty;
        }

        var target = new ReplyTarget(open.User, conversation, open.Channel.StartsWith('D') ? ConversationKind.Personal : ConversationKind.Channel);
        return Queue("report form refusal", async work =>
        {
            await using var later = scopes.CreateAsyncScope();
            await later.ServiceProvider.GetRequiredService<SlackReplier>()
                .DeliverAsync(ChatReply.Say(view, ReplyVisibility.Private), target, false, work).ConfigureAwait(false);
        });
    }

    /// <summary>Opens the report modal; false when Slack refused (an expired trigger), so the form is said as a message instead.</summary>
    private async Task<bool> OpenReportModalAsync(IServiceProvider services, ChatUser user, string trigger, ReportFormView form, string channel, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<SlackApiClient>()
                .OpenViewAsync(user.TenantId, trigger, ReportRenderer.RenderModal(form, channel), ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SlackApiException or SlackRateLimitedException or HttpRequestException)
        {
            Log.CallFailed(logger, "views.open", user.TenantId, e.Message);
            return false;
        }
    }

    private async Task<SlackAck> ReportModalAsync(ReportSubmission submission, CancellationToken ct)
    {
        ChatReply reply;
        await using (var scope = scopes.CreateAsyncScope())
        {
            reply = await EngineAsync(scope.ServiceProvider, "report", submission.User, null, submission.Locale, c => c.HandleAsync(submission, ct), ct).ConfigureAwait(false);
        }

        if (reply.Replies is [{ View: ErrorView { FieldKey: { } field } error }])
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal) { [SlackIds.ReportBlock(field)] = Mrkdwn.Truncate(error.Text, ErrorTextLimit) };
            return Json(ViewSubmissionAck.WithErrors(errors), SlackJsonContext.Default.ViewSubmissionAck);
        }

        var target = new ReplyTarget(submission.User, submission.Conversation, submission.Kind);
        var said = reply with { Replies = [.. reply.Replies.Select(r => r with { Visibility = ReplyVisibility.Private })] };
        Queue("report answer", async work =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlackReplier>().DeliverAsync(said, target, false, work).ConfigureAwait(false);
        });
        return Json(ViewSubmissionAck.Clear, SlackJsonContext.Default.ViewSubmissionAck);
    }

    /// <summary>A button that speaks for the user (Confirm): the command runs and is answered through the button message's response_url.</summary>
    private async Task ClickedAsync(SlackInbound.Clicked clicked, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reply = await RunAsync(scope.ServiceProvider, clicked.Message, ct).ConfigureAwait(false);
        var url = Uri.TryCreate(clicked.ResponseUrl, UriKind.Absolute, out var u) ? u : null;
        var target = new ReplyTarget(clicked.Message.User, clicked.Message.Conversation, clicked.Message.Kind, url);
        await scope.ServiceProvider.GetRequiredService<SlackReplier>().DeliverAsync(reply, target, false, ct).ConfigureAwait(false);
    }
}
