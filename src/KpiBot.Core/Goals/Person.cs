using System.Text.Json.Serialization;

namespace KpiBot.Core.Goals;

/// <summary>A person from the goals file. <see cref="Id"/> is the permanent key; email is a changeable lookup.</summary>
public sealed record Person(
    string Id,
    string DisplayName,
    string Email,
    Role Role,
    string TeamId,
    string? TimeZone = null,
    string? Locale = null,
    SourceLocation? Source = null)
{
    /// <summary>
    /// The IANA zone from the person's chat profile (Slack users.info, Teams clientInfo), used when the file
    /// gives none (file → chat → team). Not part of the file; the store lays it over the loaded goals.
    /// </summary>
    [JsonIgnore]
    public string? ChatTimeZone { get; init; }

    /// <summary>The chat client's locale; it comes before the file's (chat → file → team).</summary>
    [JsonIgnore]
    public string? ChatLocale { get; init; }
}
