using System.Xml.Linq;

namespace KpiBot.Web.Tests;

/// <summary>The web side reads and writes through Core's ports only: no Storage (no SQL), no chat platform.</summary>
public class ProjectReferencesTests
{
    [Fact]
    public void TheWebProject_ReferencesCoreOnly()
    {
        var project = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "KpiBot.Web", "KpiBot.Web.csproj");
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.Equal(["KpiBot.Core"], references);
    }
}
