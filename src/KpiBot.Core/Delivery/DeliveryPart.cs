using KpiBot.Core.Chat;

namespace KpiBot.Core.Delivery;

/// <summary>
/// One destination of a delivery with several (a digest to each linked channel, a notice to each lead): a key
/// that names it among the delivery's done parts, its address when the key is one (channels), and the send.
/// </summary>
internal sealed record DeliveryPart(string Key, ConversationAddress? Address, Func<CancellationToken, Task<SendOutcome>> Send)
{
    private const string Unreachable = "-";

    /// <summary>
    /// The done line: "key<TAB>message id" ("-" when unreachable); a part without an address of its own adds
    /// the message's conversation (platform, tenant, id, service URL), so a retry still knows the reference.
    /// </summary>
    public string Done(SendOutcome outcome)
    {
        if (outcome is not SendOutcome.Delivered { Message: var message })
        {
            return $"{Key}\t{Unreachable}";
        }

        if (Address is not null)
        {
            return $"{Key}\t{message.MessageId}";
        }

        var c = message.Conversation;
        return $"{Key}\t{message.MessageId}\t{c.Platform}\t{c.TenantId}\t{c.ConversationId}\t{c.ServiceUrl}";
    }

    /// <summary>The done lines by key, split into their fields (as <see cref="Done"/> wrote them).</summary>
    public static Dictionary<string, string[]> Parse(IEnumerable<string> lines) =>
        lines.Select(line => line.Split('\t')).Where(f => f.Length >= 2).GroupBy(f => f[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>What an earlier attempt did for this part, from its done line's fields.</summary>
    public SendOutcome Earlier(string[] fields)
    {
        if (fields[1] == Unreachable)
        {
            return new SendOutcome.Unreachable("unreachable on an earlier attempt");
        }

        var address = Address
            ?? (fields.Length >= 5
                ? new ConversationAddress(fields[2], fields[3], fields[4], fields.Length > 5 && fields[5].Length > 0 ? fields[5] : null)
                : new ConversationAddress(string.Empty, string.Empty, Key));
        return new SendOutcome.Delivered(new MessageRef(address, fields[1]));
    }
}
