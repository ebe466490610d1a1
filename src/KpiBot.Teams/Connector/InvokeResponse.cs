using System.Text.Json;
using System.Text.Json.Serialization;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Connector;

/// <summary>
/// The body answering an <c>adaptiveCard/action</c> invoke in the same HTTP response: the refreshed card,
/// a message, or an error. The HTTP status is <see cref="StatusCode"/>.
/// </summary>
public sealed record InvokeResponse(int StatusCode, string Type, JsonElement Value)
{
    public const string CardType = AdaptiveCard.ContentType;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(AdaptiveCard card) =>
        new(200, CardType, JsonSerializer.SerializeToElement(card, Activities.TeamsJsonContext.Default.AdaptiveCard));

    public static InvokeResponse Message(string text) =>
        new(200, MessageType, JsonSerializer.SerializeToElement(text, Activities.TeamsJsonContext.Default.String));

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, JsonSerializer.SerializeToElement(new InvokeError(code, message), Activities.TeamsJsonContext.Default.InvokeError));
}

/// <summary>The value of an error invoke response.</summary>
public sealed record InvokeError(string Code, string Message);
