using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>serve as its own process, stopped the way a user stops it.</summary>
public sealed partial class ServeProcessTests(ModelFilesFixture models) : IClassFixture<ModelFilesFixture>
{
    [UnixFact]
    public async Task Ctrl_c_stops_serve_cleanly_with_exit_code_0()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, "serve", "--model", models.DocModel, "--port", "0", "--context", "2048" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var address = ServingAddress().Match(line ?? string.Empty);
            Assert.True(address.Success, $"unexpected first line: {line}");
            using var client = new HttpClient();
            Assert.True((await client.GetAsync(new Uri(new Uri(address.Value), "health"))).IsSuccessStatusCode);

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(ExitCodes.Success, process.ExitCode);
            Assert.Contains("Stopped.", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [GeneratedRegex(@"http://[0-9.]+:[0-9]+")]
    private static partial Regex ServingAddress();
}
