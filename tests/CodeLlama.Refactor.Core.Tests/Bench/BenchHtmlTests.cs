using System.Diagnostics;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing.Facts;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>A fact that renders a page with headless Chromium; skipped where it is not installed, and failed there under CI.</summary>
public sealed class ChromiumFactAttribute()
    : PrerequisiteFactAttribute(File.Exists(BenchHtmlTests.Chromium) ? null : $"Needs Chromium ({BenchHtmlTests.Chromium}; apt-get install chromium).");

public sealed class BenchHtmlTests
{
    public const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void Page_IsSelfContained_WithOneSvgChartPerKind()
    {
        using var writer = new StringWriter();

        BenchReport.Write(BenchResults.OneOfEach(), BenchFormat.Html, writer);

        var html = writer.ToString();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg ").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"type-mismatch\"", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    [Trait("Category", "EndToEnd")]
    public async Task Page_RendersInChromium_WithTheBarsOfEachOutcome()
    {
        var folder = Directory.CreateTempSubdirectory("codellama-refactor-bench-html-");
        try
        {
            var page = Path.Combine(folder.FullName, "bench.html");
            var png = Path.Combine(folder.FullName, "bench.png");
            await using (var writer = File.CreateText(page))
            {
                BenchReport.Write(BenchResults.OneOfEach(), BenchFormat.Html, writer);
            }

            await ScreenshotAsync(page, png, Path.Combine(folder.FullName, "profile"));

            var image = PngPixels.Read(png);
            Assert.Equal((1000, 800), (image.Width, image.Height));
            // The page's white background fills most of it; each outcome's bar colour (BenchHtml) shows where it has mutants.
            Assert.True(image.Count((255, 255, 255)) > image.Width * image.Height / 2, "the background is not white");
            Assert.True(image.Count((0x2e, 0x7d, 0x32)) > 500, "no green bar (exact)");
            Assert.True(image.Count((0x15, 0x65, 0xc0)) > 500, "no blue bar (passes)");
            Assert.True(image.Count((0xc6, 0x28, 0x28)) > 500, "no red bar (wrong)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ScreenshotAsync(string page, string png, string profile)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", $"--user-data-dir={profile}", $"--screenshot={png}", "--window-size=1000,800", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var chromium = Process.Start(start)!;
        var output = chromium.StandardOutput.ReadToEndAsync();
        var error = chromium.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await chromium.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            chromium.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {chromium.ExitCode}): {await output}{await error}");
    }
}
