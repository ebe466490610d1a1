using System.Diagnostics;

namespace KpiBot.Benchmarks;

/// <summary>
/// One of the official-SDK peer apps of ../shared/peers (bolt, botbuilder) as a child Node process on 127.0.0.1,
/// started with the environment its README names and stopped with SIGTERM by its process id.
/// </summary>
internal sealed class Peer : IAsyncDisposable
{
    private readonly Process _process;

    private Peer(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public static async Task<Peer> StartAsync(string name, string directory, string script, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: node did not start");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine($"  [{name}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var done = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != listening.Task)
        {
            process.Kill();
            throw new InvalidOperationException($"{name} did not start listening (exit {(process.HasExited ? process.ExitCode : -1)})");
        }

        Console.WriteLine($"{name}: node {script} on {port} (pid {process.Id})");
        return new Peer(name, process, port);
    }

    /// <summary>Peak RSS of the Node process (VmHWM), in MB.</summary>
    public long PeakRssMegabytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5))) != exited)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
