using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Connector;

/// <summary>
/// The body answering an <c>adaptiveCard/action</c> invoke in the same HTTP response: the refreshed card,
/// a message, or an error. The HTTP status is <see cref="StatusCode"/>. <see cref="Value"/> holds the card, the
/// text or the error itself, written by its own type's serializer when the response is written (once, straight
/// into the response body).
/// </summary>
public sealed record InvokeResponse(int StatusCode, string Type, object Value)
{
    public const string CardType = AdaptiveCard.ContentType;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(AdaptiveCard card) => new(200, CardType, card);

    public static InvokeResponse Message(string text) => new(200, MessageType, text);

    public static InvokeResponse Error(int statusCode, string code, string message) => new(statusCode, ErrorType, new InvokeError(code, message));
}

/// <summary>The value of an error invoke response.</summary>
public sealed record InvokeError(string Code, string Message);
