namespace KpiBot.Core.GoalsFile;

/// <summary>Stable codes of goals file diagnostics: KPB0xx are errors, KPB1xx warnings. Documented in docs/goals.md.</summary>
public static class DiagnosticCodes
{
    public const string Syntax = "KPB001";
    public const string EmptyFile = "KPB002";
    public const string WrongShape = "KPB003";
    public const string UnknownKey = "KPB004";
    public const string MissingKey = "KPB005";
    public const string MissingParent = "KPB006";
    public const string UnknownReference = "KPB007";
    public const string WrongKind = "KPB008";
    public const string Cycle = "KPB009";
    public const string DuplicateId = "KPB010";
    public const string DuplicateEmail = "KPB011";
    public const string BadTimeZone = "KPB012";
    public const string BadDate = "KPB013";
    public const string EndBeforeStart = "KPB014";
    public const string NotPositive = "KPB015";
    public const string UnknownCountry = "KPB016";
    public const string BadEnum = "KPB017";
    public const string NotANumber = "KPB018";
    public const string BadId = "KPB019";
    public const string OutOfRange = "KPB020";
    public const string BadEmail = "KPB021";
    public const string BadTime = "KPB022";
    public const string BadDuration = "KPB023";

    // Input limits (GoalsFileLimits), checked before the rest.
    public const string FileTooLarge = "KPB030";
    public const string NotUtf8 = "KPB031";
    public const string TooMany = "KPB032";

    public const string KpiNotAchievable = "KPB101";
    public const string KdiOverCapacity = "KPB102";
    public const string KpiWithoutKdis = "KPB103";
    public const string TeamWithoutPeople = "KPB104";
    public const string KgiMixedUnits = "KPB105";
    public const string EmptyBranch = "KPB106";
    public const string KgiWithoutContributions = "KPB107";
}
