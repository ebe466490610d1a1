namespace KpiBot.Slack.BlockKit;

/// <summary>A modal for <c>views.open</c>: title, submit and close at most 24 characters, at most 100 blocks.</summary>
public sealed record ModalView(PlainText Title, PlainText Submit, PlainText Close, IReadOnlyList<Block> Blocks, string CallbackId, string PrivateMetadata)
{
    public string Type => "modal";
}
