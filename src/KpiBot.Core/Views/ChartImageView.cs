namespace KpiBot.Core.Views;

/// <summary>
/// A chart posted as an image of its own (Slack's file upload), with its caption as the message beside it. Sent as
/// a separate part of a delivery, so a retried upload never posts the text before it again.
/// </summary>
public sealed record ChartImageView(string Text, byte[] Png, string FileName, string Title, string AltText) : ChatView(Text);
