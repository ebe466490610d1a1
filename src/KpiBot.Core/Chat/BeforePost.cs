namespace KpiBot.Core.Chat;

/// <summary>
/// Asked by a chat port right before it hands a message to the platform, once everything that can fail with
/// nothing posted is done (finding the person and their conversation). The delivery sender notes there that the
/// post is starting, so only a send cut short after this point can have been posted. False withdraws the send:
/// nothing is posted and the port answers <see cref="SendOutcome.Withdrawn"/>.
/// </summary>
public delegate Task<bool> BeforePost(CancellationToken cancellationToken);
