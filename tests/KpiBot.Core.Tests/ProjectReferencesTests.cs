using System.Xml.Linq;
using KpiBot.Core.Goals;

namespace KpiBot.Core.Tests;

/// <summary>
/// The boundaries between the projects, read from every project file under src/: Core references nothing of
/// ours and does no I/O; Storage references Core; the chat adapters and the web side reference Core only (no
/// SQL, no other platform); only the host composes them all. A new project must be given its rule here.
/// </summary>
public class ProjectReferencesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["KpiBot.Core"] = [],
        ["KpiBot.Storage"] = ["KpiBot.Core"],
        ["KpiBot.Slack"] = ["KpiBot.Core"],
        ["KpiBot.Teams"] = ["KpiBot.Core"],
        ["KpiBot.Web"] = ["KpiBot.Core"],
        ["KpiBot.Host"] = ["KpiBot.Core", "KpiBot.Storage", "KpiBot.Slack", "KpiBot.Teams", "KpiBot.Web"],
    };

    /// <summary>Packages that mean a database or a job server; only Storage and the host may take them.</summary>
    private static readonly string[] StoragePackages = ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "Hangfire", "Dapper"];

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KpiBot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("KpiBot.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static IEnumerable<(string Name, XDocument Project)> SourceProjects() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => (Path.GetFileNameWithoutExtension(p), XDocument.Load(p)));

    private static List<string> Includes(XDocument project, string element) =>
        [.. project.Descendants(element).Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))];

    [Fact]
    public void EveryProject_ReferencesOnlyWhatItsRuleAllows()
    {
        var projects = SourceProjects().ToList();

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects.Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (name, project) in projects)
        {
            var references = Includes(project, "ProjectReference").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
            Assert.True(
                references.SequenceEqual(Allowed[name].Order(StringComparer.Ordinal)),
                $"{name} references [{string.Join(", ", references)}]; allowed: [{string.Join(", ", Allowed[name])}].");
        }
    }

    [Theory]
    [InlineData("KpiBot.Core")]
    [InlineData("KpiBot.Slack")]
    [InlineData("KpiBot.Teams")]
    [InlineData("KpiBot.Web")]
    public void OnlyStorageAndTheHost_TakeADatabaseOrAJobServer(string name)
    {
        var project = SourceProjects().Single(p => p.Name == name).Project;

        var packages = Includes(project, "PackageReference");

        Assert.DoesNotContain(packages, p => StoragePackages.Any(s => p.StartsWith(s, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Core_IsNotAWebProject_AndItsAssemblyLoadsNoWebDatabaseOrHttpCode()
    {
        var project = SourceProjects().Single(p => p.Name == "KpiBot.Core").Project;

        Assert.Equal("Microsoft.NET.Sdk", project.Root!.Attribute("Sdk")!.Value);
        Assert.Empty(Includes(project, "FrameworkReference"));
        var referenced = typeof(GoalsModel).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, a => a.StartsWith("KpiBot.", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, a => a.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, a => a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, a => a == "System.Net.Http");
    }

    [Fact]
    public void NoEndpoint_FetchesItsServicesFromTheRequest()
    {
        var fetching = Directory.GetFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(".RequestServices", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();

        Assert.Empty(fetching);
    }
}
