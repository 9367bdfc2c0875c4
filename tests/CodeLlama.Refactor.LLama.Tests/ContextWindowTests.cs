using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Inference;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.LLama.Tests;

public sealed class ContextWindowTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    [Fact]
    public async Task A_file_larger_than_the_context_is_windowed_and_still_infilled()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 512, MaxNewTokens = 32 });
        var file = "using System;\nnamespace N\n{\n    public class Big\n    {\n"
            + string.Concat(Enumerable.Range(0, 100).Select(index => $"        public int F{index} = {index};\n"))
            + "        public int Gap() => 0;\n    }\n}\n";
        var gap = file.IndexOf("0;\n    }", StringComparison.Ordinal);
        Assert.True(model.CountTokens(file) > model.ContextSize);

        await Assert.ThrowsAsync<PromptTooLongException>(() => model.InfillAsync(new InfillRequest(file[..gap], file[gap..]), default));
        var window = InfillWindow.Fit(CSharpSyntaxTree.ParseText(file).GetRoot(), gap, file[..gap], file[gap..], model);
        var completions = (await model.InfillAsync(new InfillRequest(window.Prefix, window.Suffix), default)).Completions;

        Assert.True(window.IsWindowed);
        Assert.StartsWith("using System;\nnamespace N\n{\n    public class Big\n", window.Prefix, StringComparison.Ordinal);
        Assert.Equal(ScriptedModelFixture.Script, completions[0].Text);
    }
}
