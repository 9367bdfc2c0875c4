using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// What fix and doc send a remote model beside the gap: repository context (the declarations header), typed text and
/// the editor fields, under the names llama.cpp's /infill reads, or in the served family's own markers over OpenAI.
/// </summary>
public sealed class RepositoryContextTests(RunningServerFixture server) : IClassFixture<RunningServerFixture>
{
    private const string Props = """{"default_generation_settings":{"n_ctx":2048}}""";
    private const string Answer = """{"content":"x","tokens_predicted":1,"tokens_evaluated":9,"stopped_word":true,"stopping_word":";"}""";
    private static readonly Uri Address = new("http://models.test/");
    private static readonly InfillChunk Declarations = new("declarations.cs", "// Declared in other files:\n//   static int Pricing.Round(decimal price)\n");

    [Fact]
    public async Task The_llama_cpp_client_sends_context_typed_text_and_editor_fields_under_llama_cpps_names()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Json(Props), ScriptedHandler.Json(Answer));
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(Address), default, handler);
        var request = new InfillRequest("int F() { ", " }")
        {
            Extra = [Declarations], Typed = "ret", Stop = [";"], MinIndent = 4, Slot = 1, TopK = 20, TopP = 0.9f,
            TimeLimit = TimeSpan.FromMilliseconds(250), CachePrompt = false,
        };

        var result = await model.InfillAsync(request, default);

        using var body = JsonDocument.Parse(handler.Bodies[1]);
        var root = body.RootElement;
        var chunk = Assert.Single(root.GetProperty("input_extra").EnumerateArray());
        Assert.Equal("declarations.cs", chunk.GetProperty("filename").GetString());
        Assert.Equal(Declarations.Text, chunk.GetProperty("text").GetString());
        Assert.Equal("ret", root.GetProperty("prompt").GetString());
        Assert.Equal(";", Assert.Single(root.GetProperty("stop").EnumerateArray()).GetString());
        Assert.Equal(4, root.GetProperty("n_indent").GetInt32());
        Assert.Equal(1, root.GetProperty("id_slot").GetInt32());
        Assert.Equal(20, root.GetProperty("top_k").GetInt32());
        Assert.Equal(250, root.GetProperty("t_max_predict_ms").GetDouble());
        Assert.False(root.GetProperty("cache_prompt").GetBoolean());
        Assert.Equal(";", Assert.Single(result.Completions).StoppingWord);
    }

    [Fact]
    public async Task Fields_a_request_leaves_unset_are_not_sent_since_llama_cpp_refuses_a_null_input_extra()
    {
        var handler = new ScriptedHandler(ScriptedHandler.Json(Props), ScriptedHandler.Json(Answer));
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(Address), default, handler);

        await model.InfillAsync(new InfillRequest("a", "b"), default);

        using var body = JsonDocument.Parse(handler.Bodies[1]);
        var names = body.RootElement.EnumerateObject().Select(property => property.Name).ToList();
        Assert.DoesNotContain("input_extra", names);
        Assert.DoesNotContain("prompt", names);
        Assert.DoesNotContain("stop", names);
        Assert.DoesNotContain("id_slot", names);
        Assert.Contains("input_prefix", names);
    }

    [Theory]
    [InlineData("Qwen",
        "<|repo_name|>myproject\n<|file_sep|>declarations.cs\n{0}<|file_sep|>filename\n<|fim_prefix|>int x = <|fim_suffix|>;<|fim_middle|>Pri")]
    [InlineData("StarCoder",
        "<repo_name>myproject\n<file_sep>declarations.cs\n{0}<file_sep>filename\n<fim_prefix>int x = <fim_suffix>;<fim_middle>Pri")]
    [InlineData("CodeLlama", "\n\n--- snippet ---\n\n{0}<PRE> int x =  <SUF>; <MID>Pri")]
    public void An_openai_prompt_carries_repository_context_in_the_familys_layout(string family, string expected)
    {
        var request = new InfillRequest("int x = ", ";") { Extra = [Declarations], Typed = "Pri", Stop = ["\n\n"] };
        var format = FimTextFormat.For(family);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, Declarations.Text), format.Render(request));
        Assert.Equal([.. format.Stops, "\n\n"], format.StopsFor(request));
    }

    [Fact]
    public async Task Repository_context_sent_to_serve_is_evaluated_in_the_prompt()
    {
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(server.BaseAddress), default);
        var plain = new InfillRequest("int x = ", ";") { CachePrompt = false };

        var without = await model.InfillAsync(plain, default);
        var with = await model.InfillAsync(plain with { Extra = [Declarations] }, default);

        Assert.True(with.PromptTokens > without.PromptTokens + 20, $"{with.PromptTokens} tokens with the context, {without.PromptTokens} without");
        Assert.Equal(RunningServerFixture.Script, Assert.Single(with.Completions).Text);
    }

    [Theory]
    [InlineData("CodeLlama")]
    [InlineData("StarCoder")]
    [InlineData("CodeGemma")]
    [InlineData("Qwen")]
    [InlineData("DeepSeek")]
    public void Serve_reads_back_every_part_of_a_prompt_the_openai_client_wrote(string family)
    {
        var format = FimTextFormat.For(family);
        var other = new InfillChunk("Shapes.cs", "static class Shapes { }\n");
        var sent = new InfillRequest("int x = ", ";\n}") { Extra = [Declarations, other], Typed = "Pri" };

        var read = FimPromptText.Read(format.Render(sent));

        Assert.Equal((sent.Prefix, sent.Suffix, sent.Typed), (read.Prefix, read.Suffix, read.Typed));
        Assert.Equal(sent.Extra.Select(chunk => chunk.Text), read.Extra.Select(chunk => chunk.Text));
        if (format.FileSeparator is not null)
        {
            // Only the repository-level layout writes file names.
            Assert.Equal(sent.Extra.Select(chunk => chunk.FileName), read.Extra.Select(chunk => chunk.FileName));
        }
    }

    [Fact]
    public void Text_a_client_put_before_the_fim_markers_is_kept_as_repository_context()
    {
        var read = FimPromptText.Read("Context:\n\nclass Shapes { }\n<PRE> int x = <SUF>; <MID>");

        Assert.Equal("Context:\n\nclass Shapes { }\n", Assert.Single(read.Extra).Text);
    }

    [Fact]
    public async Task Repository_context_sent_over_openai_to_serve_is_evaluated_in_the_prompt()
    {
        using var model = await HttpInfillModel.ConnectAsync(new EndpointOptions(server.BaseAddress, EndpointKind.OpenAi), default);
        var plain = new InfillRequest("int x = ", ";") { CachePrompt = false };

        var without = await model.InfillAsync(plain, default);
        var with = await model.InfillAsync(plain with { Extra = [Declarations] }, default);

        Assert.True(with.PromptTokens > without.PromptTokens + 20, $"{with.PromptTokens} tokens with the context, {without.PromptTokens} without");
        Assert.Equal(RunningServerFixture.Script, Assert.Single(with.Completions).Text);
    }
}
