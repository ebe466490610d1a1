namespace KpiBot.Slack.BlockKit;

/// <summary>A message's content: the plain <see cref="Text"/> fallback (notifications, screen readers) and its blocks (at most 50).</summary>
public sealed record SlackMessage(string Text, IReadOnlyList<Block> Blocks);
