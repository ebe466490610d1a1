using KpiBot.Core.Chat;
using KpiBot.Core.CheckIns;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Testing.Engine;

/// <summary>
/// The engine as a scenario sees it, whatever runs it: in memory, or real hosts with Hangfire on a database.
/// Every person of the goals has the chat identity <c>U-{id}</c> in tenant "tenant" on the test platform.
/// </summary>
public interface IEngineDriver
{
    FakeTimeProvider Time { get; }

    InMemoryChatPort Chat { get; }

    /// <summary>Every message sent, with the fake time at which it went out.</summary>
    IReadOnlyList<(DateTimeOffset At, SentMessage Message)> Log { get; }

    /// <summary>Moves the clock forward in steps, dispatching and sending at each step.</summary>
    Task RunUntilAsync(DateTimeOffset until);

    Task<ChatReply> SayAsync(string personId, string text, ConversationAddress? channel = null);

    Task<ChatReply> AnswerAsync(string personId, CheckInPromptView card, IReadOnlyDictionary<string, string?> values, CardAction action = CardAction.Submit, string? note = null);

    Task<IReadOnlyList<CheckInEntry>> EntriesAsync(string personId, DateOnly day);
}

/// <summary>Identities and addresses the scenarios use.</summary>
public static class EngineAddresses
{
    public static readonly ConversationAddress SalesChannel = new(Platforms.Test, "tenant", "C-sales");

    public static ChatUser UserOf(string personId) => new(Platforms.Test, "tenant", "U-" + personId);

    public static ConversationAddress DmOf(string personId) => new(Platforms.Test, "tenant", "dm:" + personId);

    public static CardSubmission Submission(string personId, CheckInPromptView card, IReadOnlyDictionary<string, string?> values, CardAction action, string? note) =>
        new(UserOf(personId), DmOf(personId), action, card.OccurrenceKey, card.WorkDay, card.CardVersion, values, note, false,
            $"{personId}:{card.OccurrenceKey}:{card.CardVersion}:{string.Join(',', values.Values)}", null, PersonId: card.PersonId);

    /// <summary>The last card of that cadence sent to the person for that work day, as prompt or reminder.</summary>
    public static CheckInPromptView CardSentTo(this IEngineDriver driver, string personId, DateOnly workDay, Core.Goals.KdiCadence cadence = Core.Goals.KdiCadence.Daily) =>
        driver.Chat.To(personId)
            .Select(m => m.View switch { CheckInPromptView p => p, ReminderView r => r.Prompt, _ => null })
            .Last(p => p is not null && p.WorkDay == workDay && p.Cadence == cadence)!;
}
