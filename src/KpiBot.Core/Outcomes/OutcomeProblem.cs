using System.Globalization;
using KpiBot.Core.Resources;

namespace KpiBot.Core.Outcomes;

/// <summary>Why a reported actual was not recorded; <see cref="Message"/> says it in the person's language.</summary>
/// <param name="Code">The resource key, also a stable code for the API ("FutureDay").</param>
/// <param name="Field">The input field at fault: node, date, value or person.</param>
public sealed record OutcomeProblem(string Code, string Field, params object?[] Args)
{
    /// <summary>True when the value may be right and the person can confirm it.</summary>
    public bool NeedsConfirmation { get; init; }

    public string Message(CultureInfo culture) => Localized.Format(OutcomeText.ResourceManager, Code, culture, Args);
}
