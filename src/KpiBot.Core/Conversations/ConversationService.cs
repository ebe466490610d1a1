using System.Globalization;
using KpiBot.Core.Calendar;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations.Cards;
using KpiBot.Core.Conversations.Rep;
using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using KpiBot.Core.Views;

namespace KpiBot.Core.Conversations;

/// <summary>
/// The entry point the chat adapters call with a parsed message or card submission. Resolves the person
/// (<see cref="ChatDirectory.SenderAsync"/>: by chat identity, else by the email their profile gives — and then
/// links the identity), the current goals, the person's language and local today, and hands over to the
/// command router or to the card flow.
/// </summary>
public sealed class ConversationService
{
    private readonly IGoalsProvider _goals;
    private readonly ChatDirectory _directory;
    private readonly CommandRouter _router;
    private readonly CardSubmissions _cards;
    private readonly TimeProvider _time;
    private readonly CheckInPrompts? _prompts;
    private readonly ReportForms? _reports;

    public ConversationService(
        IGoalsProvider goals, ChatDirectory directory, IEnumerable<ICommandHandler> handlers, CardSubmissions cards, TimeProvider time,
        CheckInPrompts? prompts = null, ReportForms? reports = null)
    {
        _prompts = prompts;
        _reports = reports;
        _goals = goals ?? throw new ArgumentNullException(nameof(goals));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _router = new CommandRouter(handlers ?? throw new ArgumentNullException(nameof(handlers)));
        _cards = cards ?? throw new ArgumentNullException(nameof(cards));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public CommandRouter Router => _router;

    public async Task<ChatReply> HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (context, refusal) = await ContextAsync(message.User, message.Conversation, message.Kind, message.Locale, message.Email, ct).ConfigureAwait(false);
        return context is null ? refusal! : await _router.RouteAsync(context, message.Text, ct).ConfigureAwait(false);
    }

    public async Task<ChatReply> HandleAsync(CardSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var (context, refusal) = await ContextAsync(
            submission.User, submission.Conversation, ConversationKind.Personal, submission.Locale, submission.Email, ct).ConfigureAwait(false);
        return context is null ? refusal! : await _cards.HandleAsync(context, submission, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The check-in card a prompt refers to, built afresh for the person who asked (to show it as a form of its
    /// own, e.g. a Slack modal): a <see cref="CheckInPromptView"/>, or the view that says why not (unknown person,
    /// someone else's card, nothing to record that day).
    /// </summary>
    public async Task<ChatView> CardAsync(CardRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompts = _prompts ?? throw new InvalidOperationException("ConversationService was built without CheckInPrompts.");
        var (context, refusal) = await ContextAsync(
            request.User, request.Conversation, ConversationKind.Personal, request.Locale, request.Email, ct).ConfigureAwait(false);
        if (context is null)
        {
            return refusal!.Replies[0].View;
        }

        var owner = request.PersonId ?? CardOccurrences.RecipientOf(request.OccurrenceKey);
        if (owner is not null && !string.Equals(owner, context.Person.Id, StringComparison.Ordinal))
        {
            return new ErrorView(Texts.Get(nameof(ConversationText.Submit_NotYourCard), context.Culture));
        }

        var cadence = CardOccurrences.IsWeekly(request.OccurrenceKey) ? KdiCadence.Weekly : KdiCadence.Daily;
        var card = await prompts.BuildAsync(context.Model, context.Person, request.WorkDay, cadence, request.OccurrenceKey, context.Culture, ct)
            .ConfigureAwait(false);
        return card is not null ? card : new MessageView(Texts.Format(nameof(ConversationText.Card_NothingToRecord), context.Culture, request.WorkDay));
    }

    /// <summary>
    /// The report form for the person who asked (to show it as a form of its own, e.g. a Slack modal): a
    /// <see cref="ReportFormView"/>, or the view that says why not (unknown person, nothing they may report).
    /// </summary>
    public async Task<ChatView> ReportFormAsync(ReportFormRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (context, refusal) = await ContextAsync(
            request.User, request.Conversation, ConversationKind.Personal, request.Locale, request.Email, ct).ConfigureAwait(false);
        return context is null ? refusal!.Replies[0].View : ReportForms.Form(context, request.Selected);
    }

    /// <summary>The report form submitted: the receipt, an error naming the field, or a confirmation to ask for.</summary>
    public async Task<ChatReply> HandleAsync(ReportSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var reports = _reports ?? throw new InvalidOperationException("ConversationService was built without ReportForms.");
        var (context, refusal) = await ContextAsync(
            submission.User, submission.Conversation, submission.Kind, submission.Locale, submission.Email, ct).ConfigureAwait(false);
        return context is null ? refusal! : await reports.SubmitAsync(context, submission, ct).ConfigureAwait(false);
    }

    private async Task<(CommandContext? Context, ChatReply? Refusal)> ContextAsync(
        ChatUser user, ConversationAddress conversation, ConversationKind kind, string? locale, string? email, CancellationToken ct)
    {
        var model = await _goals.CurrentAsync(ct).ConfigureAwait(false);
        if (model is null)
        {
            return (null, Refusal(nameof(ConversationText.Person_NoGoals), Localized.CultureFor(locale)));
        }

        var sender = await _directory.SenderAsync(user, email, ct).ConfigureAwait(false);
        locale ??= sender.Locale;
        var person = sender.PersonId is null ? null : model.PeopleById.GetValueOrDefault(sender.PersonId);
        if (person is null)
        {
            var culture = UnknownPersonCulture(model, locale);
            var admins = model.People.Where(p => p.Role == Role.Admin).Select(p => p.DisplayName).ToList();
            return (null, admins.Count == 0
                ? Refusal(nameof(ConversationText.Person_UnknownNoAdmins), culture)
                : Refusal(nameof(ConversationText.Person_Unknown), culture, Texts.List(admins, culture)));
        }

        var now = _time.GetUtcNow();
        var today = Zones.Today(Zones.ZoneOf(person, model), _time);
        return (new CommandContext(person, model, Languages.For(person, model, locale), today, now, user, conversation, kind), null);
    }

    /// <summary>Someone we do not know yet: their chat locale when it is Japanese or English, else the organisation's.</summary>
    private static CultureInfo UnknownPersonCulture(GoalsModel model, string? locale) =>
        Localized.CultureFor(
            locale is not null && (locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                ? locale
                : model.Organization.Locale);

    /// <summary>
    /// The answer when a request could not be carried out because the database (or another part the engine
    /// needs) failed: a clear "send it again in a minute", never silence. In the person's language when the goals
    /// are still at hand (they are cached) and the person is known — from the card answered (<paramref name="personId"/>)
    /// or their link — else the request's or the organisation's, else English.
    /// </summary>
    public async Task<ChatReply> UnavailableAsync(ChatUser user, string? personId, string? locale, CancellationToken ct)
    {
        var culture = Localized.CultureFor(locale);
        try
        {
            if (await _goals.CurrentAsync(ct).ConfigureAwait(false) is { } model)
            {
                culture = UnknownPersonCulture(model, locale);
                personId ??= (await _directory.SenderAsync(user, null, ct).ConfigureAwait(false)).PersonId;
                if (personId is not null && model.PeopleById.GetValueOrDefault(personId) is { } person)
                {
                    culture = Languages.For(person, model, locale);
                }
            }
        }
#pragma warning disable CA1031 // These reads may hit the very database that failed: the best language known so far then.
        catch (Exception) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
        }

        return ChatReply.Say(new ErrorView(Texts.Get(nameof(ConversationText.Unavailable_TryAgain), culture)), ReplyVisibility.Private);
    }

    private static ChatReply Refusal(string key, CultureInfo culture, params object?[] args) =>
        ChatReply.Say(new MessageView(Texts.Format(key, culture, args)), ReplyVisibility.Private);
}
