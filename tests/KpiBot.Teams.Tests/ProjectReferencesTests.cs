using System.Xml.Linq;

namespace KpiBot.Teams.Tests;

/// <summary>The adapter depends on Core only, so an official SDK could replace it later.</summary>
public class ProjectReferencesTests
{
    [Fact]
    public void TheAdapter_ReferencesCoreOnly()
    {
        var project = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "KpiBot.Teams", "KpiBot.Teams.csproj");
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.Equal(["KpiBot.Core"], references);
    }
}
