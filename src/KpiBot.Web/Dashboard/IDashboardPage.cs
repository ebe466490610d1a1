using System.Globalization;

namespace KpiBot.Web.Dashboard;

/// <summary>What the layout reads from any dashboard page: title, language, texts, and who is signed in (if anyone).</summary>
public interface IDashboardPage
{
    string Title { get; }

    CultureInfo Culture { get; }

    bool Denied { get; }

    Viewer? CurrentViewer { get; }

    string T(string key);
}
