using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Simulation.Tests.Cli.Reporting;

/// <summary>
/// Opens the report of policy-comparison.yaml at 60 replications in headless Chromium at 1,000 pixels wide and checks the
/// headline, the interval box, the effects table (with its unit column, inside the page) and that every chart decodes. Needs the Debian package
/// 'chromium' (CI installs it); without it the test fails on purpose rather than passing silently.
/// </summary>
[Trait("Category", "Browser")]
[Collection(RenderedReportCollection.Name)]
public sealed class ReportHtmlBrowserTests(RenderedReportFixture report, ITestOutputHelper log)
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    [Fact]
    public void TheReportShowsItsHeadlineIntervalBoxNarrowTableAndEveryChartInHeadlessChromium()
    {
        string? browser = Environment.GetEnvironmentVariable("CHANNELSIM_CHROMIUM") is { Length: > 0 } fromEnv
            ? fromEnv
            : Candidates.FirstOrDefault(File.Exists) ?? FindOnPath("chromium") ?? FindOnPath("chromium-browser");
        Assert.True(browser is not null && File.Exists(browser),
            "Headless Chromium is needed for this test: install it with 'apt-get install -y chromium' " +
            "(or set CHANNELSIM_CHROMIUM to the browser's path). Run other tests with --filter \"Category!=Browser\".");

        string url = new Uri(report.Output.HtmlPath).AbsoluteUri;
        // A 1,000-pixel window: the report must fit it without scrolling sideways.
        string dom = RunChromium(browser!, ["--virtual-time-budget=5000", "--window-size=1000,6000", "--dump-dom", url]);
        var check = Regex.Match(dom, "<div[^>]*id=\"image-check\"[^>]*>");
        Assert.True(check.Success, "the page's load script did not write #image-check; DOM starts: " + dom[..Math.Min(300, dom.Length)]);
        int Attribute(string name) => int.Parse(Regex.Match(check.Value, name + "=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int loaded = Attribute("data-loaded"), broken = Attribute("data-broken");
        int page = Attribute("data-page-width"), effects = Attribute("data-effects-right"), widest = Attribute("data-widest-table-right");
        log.WriteLine($"images loaded: {loaded}, broken: {broken}; page width {page} px, effects table right edge {effects} px, widest table right edge {widest} px");
        Assert.Equal(0, broken);
        Assert.True(loaded >= 8, $"only {loaded} images loaded");
        Assert.Equal(report.Output.Charts.Count, loaded);

        // The new elements: the headline, the interval box, and the effects table with its unit column, all inside the page.
        Assert.Matches("<aside class=\"box\" id=\"headline\">\\s*<h3>Headline</h3>\\s*<p>The 3 largest effects", dom);
        Assert.Contains("<aside class=\"box\" id=\"interval-box\">", dom, StringComparison.Ordinal);
        Assert.Contains("Simulation noise only", dom, StringComparison.Ordinal);
        Assert.Matches("<table id=\"effects-table\">\\s*<thead><tr><th class=\"text\">Metric</th><th class=\"text\">Unit</th>", dom);
        Assert.True(page <= 1000 && page >= 900, $"page width {page}");
        Assert.True(effects > 0 && effects <= page, $"the effects table ends at {effects} px, past the {page}-pixel page");
        Assert.True(widest <= page, $"a table ends at {widest} px, past the {page}-pixel page");

        // A screenshot for a person to look at, at the width the report is designed for.
        string shot = Path.Combine(AppContext.BaseDirectory, "browser-check", "report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        RunChromium(browser!, ["--virtual-time-budget=5000", "--window-size=1000,6000", "--screenshot=" + shot, url]);
        Assert.True(File.Exists(shot) && new FileInfo(shot).Length > 10_000, "screenshot was not written");
        log.WriteLine("screenshot: " + shot);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string RunChromium(string browser, IEnumerable<string> extra)
    {
        string profile = ResultsFixture.NewTempDirectory();
        try
        {
            var psi = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
            }.Concat(extra))
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(90_000))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 90 s");
            }
            Assert.True(p.ExitCode == 0, $"chromium exited with {p.ExitCode}: {stderr.Result}");
            return stdout;
        }
        finally { ResultsFixture.Delete(profile); }
    }
}
