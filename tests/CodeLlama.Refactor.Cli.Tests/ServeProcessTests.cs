using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>serve as its own process, stopped the way a user stops it.</summary>
[Trait("Category", "EndToEnd")]
public sealed partial class ServeProcessTests(ModelFilesFixture models) : IClassFixture<ModelFilesFixture>
{
    [UnixFact]
    public async Task Ctrl_c_stops_serve_cleanly_with_exit_code_0()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll");
        // A background job of a non-interactive shell (as CI agents start the suite) inherits SIGINT as ignored, and the
        // child would inherit that too: reset it to the default, as a terminal would have it.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", tool, "serve", "--model", models.DocModel, "--port", "0", "--context", "2048" })
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

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.7")]
    [InlineData("example.com")]
    public async Task A_host_other_than_loopback_without_a_key_exits_2_before_the_model_loads(string host)
    {
        using var process = Start(apiKey: null, "serve", "--model", "no-such-model.gguf", "--host", host, "--port", "0");

        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.BadInput, process.ExitCode);
        Assert.Contains("--api-key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such-model", error, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task Serve_on_an_ipv4_address_mapped_into_ipv6_listens_there_and_answers_loopback_but_not_a_foreign_host()
    {
        using var process = Start(apiKey: null, "serve", "--model", models.DocModel, "--host", "::ffff:127.0.0.1", "--port", "0", "--context", "2048");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var address = ServingAddress().Match(line ?? string.Empty);
            Assert.True(address.Success, $"unexpected first line: {line}");
            using var client = new HttpClient { BaseAddress = new Uri(address.Value + "/") };
            using var foreign = new HttpRequestMessage(HttpMethod.Get, "props");
            foreign.Headers.Host = "rebound.example";

            var props = await client.GetAsync("props");
            var refused = await client.SendAsync(foreign);

            Assert.Equal((200, 403), ((int)props.StatusCode, (int)refused.StatusCode));
        }
        finally
        {
            process.Kill();
        }
    }

    [UnixFact]
    public async Task With_the_key_from_the_environment_serve_on_any_address_answers_only_requests_that_carry_it()
    {
        using var process = Start("k3y", "serve", "--model", models.DocModel, "--host", "0.0.0.0", "--port", "0", "--context", "2048");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var port = ServingPort().Match(line ?? string.Empty);
            Assert.True(port.Success, $"unexpected first line: {line}");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.Groups[1].Value}/") };

            var health = await client.GetAsync("health");
            var withoutKey = await client.GetAsync("props");
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "k3y");
            var withKey = await client.GetAsync("props");

            Assert.Equal((200, 401, 200), ((int)health.StatusCode, (int)withoutKey.StatusCode, (int)withKey.StatusCode));
        }
        finally
        {
            process.Kill();
        }
    }

    [UnixFact]
    public async Task Serve_with_llama_native_loads_that_llama_cpp_build_and_answers_from_its_slots()
    {
        // The bundled backend's folder has the layout of a llama.cpp build/bin (libllama.so beside libggml*.so).
        var build = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "noavx");
        using var process = Start(
            apiKey: null, "serve", "--model", models.DocModel, "--port", "0", "--context", "2048", "--parallel", "2", "--llama-native", build, "-v", "detailed");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var address = ServingAddress().Match(line ?? string.Empty);
            Assert.True(address.Success, $"unexpected first line: {line}");
            Assert.Contains("with 2 slots", line, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = new Uri(address.Value + "/") };
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(index => client.PostAsync(
                "infill", new StringContent($"{{\"input_prefix\": \"int F{index}() => \", \"input_suffix\": \";\"}}", System.Text.Encoding.UTF8, "application/json"))));

            Assert.All(answers, answer => Assert.True(answer.IsSuccessStatusCode));
            Assert.Contains(Path.Combine(build, "libllama.so"), File.ReadAllText($"/proc/{process.Id}/maps"), StringComparison.Ordinal);
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains($"llama.cpp from {build}", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static Process Start(string? apiKey, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove(Server.ServerOptions.ApiKeyEnvironmentVariable);
        if (apiKey is not null)
        {
            start.Environment[Server.ServerOptions.ApiKeyEnvironmentVariable] = apiKey;
        }

        return Process.Start(start)!;
    }

    [GeneratedRegex(@"http://[0-9.]+:([0-9]+)")]
    private static partial Regex ServingPort();

    [GeneratedRegex(@"http://[0-9.]+:[0-9]+")]
    private static partial Regex ServingAddress();
}
