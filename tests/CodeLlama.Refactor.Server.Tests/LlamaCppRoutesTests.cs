using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// The routes llama.cpp's server answers besides completions, in its shapes (tools/server/README.md):
/// <c>/tokenize</c> (with pieces), <c>/detokenize</c>, <c>/slots</c>, <c>/metrics</c> behind <c>--metrics</c>, and
/// <c>/props</c> in full.
/// </summary>
public sealed class LlamaCppRoutesTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private HttpClient Client { get; } = new() { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Tokenize_then_detokenize_gives_the_text_back()
    {
        const string Content = "int Add(int a, int b) => a + b;";

        var tokens = await TokensAsync(new { content = Content });
        using var detokenized = await Client.PostAsJsonAsync("detokenize", new { tokens });

        Assert.True(tokens.Length > 5, $"{tokens.Length} tokens");
        Assert.DoesNotContain(1, tokens);
        Assert.Equal(HttpStatusCode.OK, detokenized.StatusCode);
        Assert.Equal(Content, (await JsonAsync(detokenized)).GetProperty("content").GetString()!.Trim());
    }

    [Fact]
    public async Task Tokenize_adds_bos_only_when_asked_and_reads_special_tokens_written_as_text_unless_told_not_to()
    {
        var plain = await TokensAsync(new { content = "x" });
        var withBos = await TokensAsync(new { content = "x", add_special = true });
        var special = await TokensAsync(new { content = "<s>x" });
        var literal = await TokensAsync(new { content = "<s>x", parse_special = false });

        Assert.Equal([1, .. plain], withBos);
        Assert.Equal(1, special[0]);
        Assert.DoesNotContain(1, literal);
    }

    [Fact]
    public async Task Tokenize_with_pieces_gives_each_tokens_text_or_its_bytes_when_they_are_not_whole_utf8()
    {
        using var response = await Client.PostAsJsonAsync("tokenize", new { content = "int á", with_pieces = true });

        var tokens = (await JsonAsync(response)).GetProperty("tokens").EnumerateArray().ToList();
        Assert.All(tokens, token => Assert.Equal(JsonValueKind.Number, token.GetProperty("id").ValueKind));
        var pieces = tokens.Select(token => token.GetProperty("piece")).ToList();
        Assert.Equal("int", string.Concat(pieces.Where(piece => piece.ValueKind == JsonValueKind.String).Select(piece => piece.GetString())).Trim());
        // 'á' (C3 A1) is not in the vocabulary: it goes as byte tokens, whose pieces are the bytes, as in llama.cpp's README.
        Assert.Equal(
            [[0xC3], [0xA1]],
            pieces.Where(piece => piece.ValueKind == JsonValueKind.Array).Select(piece => piece.EnumerateArray().Select(value => value.GetInt32()).ToArray()));
    }

    [Fact]
    public async Task Detokenize_refuses_ids_outside_the_vocabulary()
    {
        using var response = await Client.PostAsJsonAsync("detokenize", new { tokens = new[] { 1, 40000 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Slots_list_each_slot_with_its_context_and_state()
    {
        var slots = (await Client.GetFromJsonAsync<JsonElement>("slots")).EnumerateArray().ToList();

        var slot = Assert.Single(slots);
        Assert.Equal(0, slot.GetProperty("id").GetInt32());
        Assert.Equal(server.Model.ContextSize, slot.GetProperty("n_ctx").GetInt32());
        Assert.False(slot.GetProperty("is_processing").GetBoolean());
        Assert.Equal(32, slot.GetProperty("params").GetProperty("n_predict").GetInt32());
        Assert.True(slot.GetProperty("next_token").TryGetProperty("n_decoded", out _));
    }

    [Fact]
    public async Task Props_hold_the_slots_the_chat_template_the_build_and_the_default_generation_settings()
    {
        var props = await Client.GetFromJsonAsync<JsonElement>("props");

        Assert.Equal(1, props.GetProperty("total_slots").GetInt32());
        Assert.Equal(string.Empty, props.GetProperty("chat_template").GetString());
        Assert.StartsWith("codellama-refactor-", props.GetProperty("build_info").GetString(), StringComparison.Ordinal);
        var settings = props.GetProperty("default_generation_settings");
        Assert.Equal(1024, settings.GetProperty("n_ctx").GetInt32());
        Assert.Equal(32, settings.GetProperty("params").GetProperty("n_predict").GetInt32());
        Assert.Equal(40, settings.GetProperty("params").GetProperty("top_k").GetInt32());
    }

    [Fact]
    public async Task Metrics_and_slots_answer_501_as_llama_cpp_does_when_the_server_was_not_started_for_them()
    {
        await using var app = InfillServer.Create(server.Model, new ServerOptions(Port: 0) { Slots = false });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };

        using var metrics = await client.GetAsync("metrics");
        using var slots = await client.GetAsync("slots");

        Assert.Equal(HttpStatusCode.NotImplemented, metrics.StatusCode);
        var error = (await JsonAsync(metrics)).GetProperty("error");
        Assert.Equal("not_supported_error", error.GetProperty("type").GetString());
        Assert.Contains("--metrics", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotImplemented, slots.StatusCode);
    }

    [Fact]
    public async Task Metrics_with_metrics_on_count_the_work_under_llama_cpps_names_in_prometheus_text()
    {
        await using var app = InfillServer.Create(server.Model, new ServerOptions(Port: 0) { Metrics = true });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };
        using var infill = await client.PostAsJsonAsync("infill", new { input_prefix = "int x = ", input_suffix = ";", cache_prompt = false });

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, infill.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var values = Parse(await response.Content.ReadAsStringAsync());
        Assert.True(values["llamacpp:prompt_tokens_total"] > 0);
        Assert.True(values["llamacpp:tokens_predicted_total"] > 0);
        Assert.True(values["llamacpp:n_decode_total"] > 0);
        Assert.True(values["llamacpp:prompt_seconds_total"] > 0);
        Assert.Equal(0, values["llamacpp:requests_processing"]);
        Assert.Equal(0, values["llamacpp:requests_deferred"]);
        Assert.Contains("predicted_tokens_seconds", string.Join(' ', values.Keys), StringComparison.Ordinal);
    }

    // Prometheus text: "# HELP", "# TYPE" and "name value" lines; every metric has its TYPE line.
    private static Dictionary<string, double> Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var values = lines.Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(values.Keys, name => Assert.Contains(lines, line => line.StartsWith($"# TYPE {name} ", StringComparison.Ordinal)));
        return values;
    }

    private async Task<int[]> TokensAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("tokenize", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await JsonAsync(response)).GetProperty("tokens").EnumerateArray().Select(token => token.GetInt32())];
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
