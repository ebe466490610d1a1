using System.Text;
using KpiBot.Slack.Verification;
using Microsoft.AspNetCore.WebUtilities;

namespace KpiBot.Slack.Inbound;

/// <summary>
/// The front door for one HTTP request to <c>/slack/events</c>: size limit, Slack's unsigned <c>ssl_check</c>,
/// the signature over the raw body, and only then parsing by content type (Events API JSON, interactivity
/// <c>payload=</c>, slash command form). Nothing is parsed from a request that fails verification.
/// </summary>
public sealed class SlackRequestReader(SlackSignatureVerifier verifier)
{
    /// <summary>Well above Slack's largest request (a modal is at most 250 KB).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public SlackInbound Read(string? contentType, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, SlackBotIdentity? bot)
    {
        if (body.Length > MaxBodyBytes)
        {
            return new SlackInbound.TooLarge();
        }

        var isForm = contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (isForm && string.IsNullOrEmpty(signatureHeader) && IsSslCheck(body))
        {
            return new SlackInbound.SslCheck();
        }

        var check = verifier.Verify(timestampHeader, signatureHeader, body);
        if (check != SignatureCheck.Valid)
        {
            return new SlackInbound.Refused(check);
        }

        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return SlackEventParser.Parse(body, bot);
        }

        if (!isForm)
        {
            return new SlackInbound.Malformed($"unexpected content type {contentType}");
        }

        string form;
        try
        {
            form = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return new SlackInbound.Malformed("body is not UTF-8");
        }

        var fields = QueryHelpers.ParseQuery(form);
        return fields.ContainsKey("payload") ? InteractionParser.Parse(form)
            : fields.ContainsKey("command") ? SlashCommandParser.Parse(form)
            : new SlackInbound.Malformed("form without payload or command");
    }

    private static bool IsSslCheck(ReadOnlySpan<byte> body)
    {
        try
        {
            var fields = QueryHelpers.ParseQuery(StrictUtf8.GetString(body));
            return fields.TryGetValue("ssl_check", out var value) && value == "1";
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
