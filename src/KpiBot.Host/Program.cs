using System.Text;
using KpiBot.Host.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await KpiBotCommandLine.RunAsync(args);

/// <summary>The entry point: the command line, whose default command starts the web host.</summary>
public partial class Program;
