using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

public sealed class CompilerWarmUpTests
{
    [Fact]
    public void TheSample_CompilesWithoutWarnings_AndEmits()
    {
        // A sample with errors would stop before the code generator, which is half of what it warms.
        var result = CompilerWarmUp.Run(CancellationToken.None);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && diagnostic.Id != "CS1591");
    }
}
