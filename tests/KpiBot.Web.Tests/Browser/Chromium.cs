using Microsoft.Playwright;

namespace KpiBot.Web.Tests.Browser;

/// <summary>
/// Headless Chromium from the distribution's package (Debian: <c>apt-get install -y chromium</c>; never a downloaded
/// browser), driven by Playwright, started with a fresh profile and nothing that reaches the network on its own.
/// <c>KPIBOT_CHROMIUM</c> names another executable.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where the tests keep their screenshots: <c>KPIBOT_SCREENSHOTS</c>, else <c>screenshots/</c> beside the test binaries.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("KPIBOT_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("KPIBOT_CHROMIUM") is { Length: > 0 } path
            ? path
            : Candidates.FirstOrDefault(File.Exists)
              ?? throw new InvalidOperationException("No Chromium found: install Debian's package (apt-get install -y chromium; .ci/run does) or set KPIBOT_CHROMIUM.");

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright gives each launch a fresh --user-data-dir of its own and starts it with --headless.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new browser profile's page (its own cookies), as a reader of <paramref name="locale"/> would have it.</summary>
    public async Task<IPage> NewPageAsync(string locale, int width = 1000, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Keeps a full-page screenshot as a test artefact, and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
