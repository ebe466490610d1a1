using KpiBot.Core.Goals;
using KpiBot.Core.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KpiBot.Core.GoalsFile;

/// <summary>Parses the YAML text and reads each top-level section; syntax errors become diagnostics.</summary>
internal static class DocumentReader
{
    private static readonly string[] Sections = ["organization", "teams", "people", "kgis", "ksfs", "kpis", "kdis"];

    public static ParsedGoals? Read(string yamlText, ParseContext context)
    {
        var first = new SourceLocation(context.FileName, 1);
        YamlNode? root;
        YamlStream stream;
        var parser = new TrackingParser(new Parser(new StringReader(yamlText)));
        try
        {
            stream = new YamlStream();
            stream.Load(parser);
            root = stream.Documents.FirstOrDefault()?.RootNode;
        }
        catch (YamlException exception)
        {
            SyntaxError(exception.Start, (exception.InnerException ?? exception).Message, context);
            return null;
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this on some malformed input, without a position.
            SyntaxError(parser.LastGood, exception.Message, context);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            // A second document would be ignored silently: refuse the file rather than import half of what was meant.
            context.Error(new SourceLocation(context.FileName, Math.Max(1, (int)stream.Documents[1].RootNode.Start.Line)), DiagnosticCodes.Syntax,
                nameof(GoalsFileText.SecondDocument));
            return null;
        }

        if (root is null or YamlScalarNode { Value: null or "" })
        {
            context.Error(first, DiagnosticCodes.EmptyFile, nameof(GoalsFileText.EmptyFile));
            return null;
        }

        var map = MappingReader.Open(root, Sections, LocalText.Of(nameof(GoalsFileText.Element_File)), context);
        if (map is null)
        {
            return null;
        }

        Parsed<OrganizationSettings>? organization = null;
        if (map.Has("organization"))
        {
            organization = OrganizationSection.Read(map.Value("organization"), context);
        }
        else
        {
            map.Missing("organization");
        }

        return new ParsedGoals(
            organization,
            Items(map, "teams", required: true, TeamSection.Read, context),
            Items(map, "people", required: true, PersonSection.Read, context),
            Items(map, "kgis", required: false, KgiSection.Read, context),
            Items(map, "ksfs", required: false, KgiSection.ReadKsf, context),
            Items(map, "kpis", required: false, KpiSection.Read, context),
            Items(map, "kdis", required: false, KdiSection.Read, context));
    }

    private static void SyntaxError(Mark at, string detail, ParseContext context) =>
        context.Error(new SourceLocation(context.FileName, Math.Max(1, (int)at.Line), (int)at.Column), DiagnosticCodes.Syntax,
            nameof(GoalsFileText.Syntax), detail);

    private static List<Parsed<T>> Items<T>(
        MappingReader root, string section, bool required, Func<YamlNode, ParseContext, Parsed<T>?> read, ParseContext context) =>
        root.List(section, required).Select(item => read(item, context)).OfType<Parsed<T>>().ToList();
}
