namespace KpiBot.Core.GoalsFile;

/// <summary>Errors stop an import; warnings are shown and the import goes on.</summary>
public enum DiagnosticSeverity { Error, Warning }
