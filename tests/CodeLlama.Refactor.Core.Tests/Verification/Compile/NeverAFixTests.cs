using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Compile;

/// <summary>Candidates that compile and remove the error but are never a fix: each is refused with its reason.</summary>
public sealed class NeverAFixTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\n\n";

    [Theory]
    [InlineData("decimal price", "int whole = price;", "int whole = (int)price;", "decimal → int")]
    [InlineData("long big", "int whole = big;", "int whole = (int)big;", "long → int")]
    [InlineData("double value", "float whole = value;", "float whole = (float)value;", "double → float")]
    public async Task LossyCast_IsNeverAFix_AndSaysWhichConversion(string parameter, string broken, string cast, string conversion)
    {
        var before = Method(parameter, broken);

        var verdict = await VerifyAsync(before, before.Replace(broken, cast, StringComparison.Ordinal), "CS0266");

        Assert.Equal(Verdict.AddsLossyCast, verdict.Outcome);
        Assert.Equal(conversion, verdict.Detail);
        Assert.True(verdict.IsNeverAFix);
    }

    [Fact]
    public async Task RepairingTheOperandOfACastTheCodeAlreadyWrote_IsAFix_ButAnotherLossyCastIsNot()
    {
        // The author's (int) around Math.Ceiling did not convert anything while the constant's name was misspelt.
        var before = Usings + "public static class Guards\n{\n    private const double GuardDiv = 12.0;\n\n"
            + "    public static int Count(int length) => (int)Math.Ceiling(length / GaurdDiv);\n\n    public static long Twice(long value) => value * 2;\n}\n";
        var repaired = before.Replace("GaurdDiv)", "GuardDiv)", StringComparison.Ordinal);

        var fixedName = await VerifyAsync(before, repaired, "CS0103");
        var withAnotherCast = await VerifyAsync(before, repaired.Replace("=> value * 2;", "=> (int)value * 2;", StringComparison.Ordinal), "CS0103");

        Assert.Equal(Verdict.Accepted, fixedName.Outcome);
        Assert.Equal(Verdict.AddsLossyCast, withAnotherCast.Outcome);
        Assert.Equal("long → int", withAnotherCast.Detail);
    }

    [Fact]
    public async Task Downcast_LosesNothing_AndIsLeftToTheTests()
    {
        var before = Usings + "public static class Names\n{\n    public static string Name(object value)\n    {\n        string name = value;\n        return name;\n    }\n}\n";

        var verdict = await VerifyAsync(before, before.Replace("= value;", "= (string)value;", StringComparison.Ordinal), "CS0266");

        Assert.Equal(Verdict.Accepted, verdict.Outcome);
    }

    [Theory]
    [InlineData("#pragma warning disable CS8602\n", "", Verdict.SuppressesDiagnostics)]
    [InlineData("#nullable disable warnings\n", "", Verdict.SuppressesDiagnostics)]
    [InlineData("", "name!.Length", Verdict.AddsNullForgiving)]
    public async Task SilencingTheCompiler_IsNeverAFix(string header, string expression, Verdict expected)
    {
        var before = Nullable("name.Length");
        var after = header + Nullable(expression.Length > 0 ? expression : "name.Length");

        var verdict = await VerifyAsync(before, after, "CS8602");

        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public async Task TurningTheNullableContextOffForTheProject_IsRefused()
    {
        var project = InMemoryProject.Create(Nullable("name.Length"));
        var diagnostic = (await project.Documents.Single().GetSemanticModelAsync())!.GetDiagnostics().First(diagnostic => diagnostic.Id == "CS8602");
        var options = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Disable);
        var candidate = new Candidate("test", "edit", project.WithCompilationOptions(options).Solution, 0);

        var verdict = await new CompileVerifier(project.Solution, new HashSet<ProjectId>())
            .VerifyAsync(candidate, new BuildError(project, diagnostic, IsSyntax: false), CancellationToken.None);

        Assert.Equal(Verdict.ChangesProject, verdict.Outcome);
    }

    [Fact]
    public async Task NullCheck_IsAFix()
    {
        var verdict = await VerifyAsync(Nullable("name.Length"), Nullable("name?.Length ?? 0"), "CS8602");

        Assert.Equal(Verdict.Accepted, verdict.Outcome);
    }

    [Theory]
    [InlineData("private static int Square(int side) => throw new NotSupportedException();")]
    [InlineData("private static int Square(int side) { throw new NotImplementedException(); }")]
    [InlineData("private static int Square(int side) { throw new System.NotSupportedException(\"later\"); }")]
    public async Task MemberThatOnlyThrows_IsNeverAFix(string stub)
    {
        var verdict = await VerifyAsync(Shapes(""), Shapes(stub), "CS0103");

        Assert.Equal(Verdict.AddsThrowingStub, verdict.Outcome);
    }

    [Fact]
    public async Task MemberThatComputes_IsAFix()
    {
        var verdict = await VerifyAsync(Shapes(""), Shapes("private static int Square(int side) => side * side;"), "CS0103");

        Assert.Equal(Verdict.Accepted, verdict.Outcome);
    }

    [Fact]
    public async Task DeletingTheFailingStatement_IsNeverAFix()
    {
        var before = Items("items.Add(Missing);\n        return items.Count;");

        var verdict = await VerifyAsync(before, Items("return items.Count;"), "CS0103");

        Assert.Equal(Verdict.DeletesCode, verdict.Outcome);
    }

    [Fact]
    public async Task DroppingTheArgumentOfARemovedParameter_IsAFix()
    {
        var before = Logs("Write(text, level, true);");

        var verdict = await VerifyAsync(before, Logs("Write(text, true);"), "CS1501");

        Assert.Equal(Verdict.Accepted, verdict.Outcome);
    }

    [Fact]
    public async Task DroppingTheCallWhoseParameterWasRemoved_IsStillNeverAFix()
    {
        var before = Logs("Write(text, level, true);");

        var verdict = await VerifyAsync(before, Logs(""), "CS1501");

        Assert.Equal(Verdict.DeletesCode, verdict.Outcome);
    }

    [Fact]
    public async Task ReplacingTheFailingName_IsAFix_AndDroppingAStrayParenthesisToo()
    {
        var replaced = await VerifyAsync(Items("items.Add(Missing);\n        return items.Count;"), Items("items.Add(items.Count);\n        return items.Count;"), "CS0103");
        var stray = await VerifyAsync(Items("return (items.Count));"), Items("return (items.Count);"), "CS1002");

        Assert.Equal(Verdict.Accepted, replaced.Outcome);
        Assert.Equal(Verdict.Accepted, stray.Outcome);
    }

    [Theory]
    [InlineData("Count().Result", "System.Threading.Tasks.Task<int>.Result")]
    [InlineData("Count().GetAwaiter().GetResult()", "System.Runtime.CompilerServices.TaskAwaiter<int>.GetResult")]
    [InlineData("Count().Wait(100) ? 3 : 0", "System.Threading.Tasks.Task.Wait")]
    public async Task BlockingOnATask_IsNeverAFix(string blocking, string wait)
    {
        var before = Tasks("Count()");

        var verdict = await VerifyAsync(before, Tasks(blocking), "CS0029");

        Assert.Equal(Verdict.BlocksOnTask, verdict.Outcome);
        Assert.Equal(wait, verdict.Detail);
        Assert.True(verdict.IsNeverAFix);
    }

    [Fact]
    public async Task AwaitingTheTask_IsAFix_AndAResultPropertyOfAnotherTypeIsNoWait()
    {
        var before = Tasks("Count()") + "public sealed class Outcome\n{\n    public int Result { get; set; }\n}\n";
        var after = before.Replace("public static int Total() => Count();", "public static async Task<int> Total() => await Count() + new Outcome().Result;", StringComparison.Ordinal);

        var verdict = await VerifyAsync(before, after, "CS0029");

        Assert.Equal(Verdict.Accepted, verdict.Outcome);
    }

    private static string Tasks(string expression) =>
        Usings + "using System.Threading.Tasks;\n\npublic static class Counter\n{\n    public static Task<int> Count() => Task.FromResult(3);\n\n"
        + $"    public static int Total() => {expression};\n}}\n";

    private static string Method(string parameter, string body) =>
        Usings + $"public static class Sizes\n{{\n    public static object Convert({parameter})\n    {{\n        {body}\n        return whole;\n    }}\n}}\n";

    private static string Nullable(string expression) =>
        Usings + $"public static class Names\n{{\n    public static int Length(string? name) => {expression};\n}}\n";

    private static string Shapes(string member) =>
        Usings + $"public static class Shapes\n{{\n    public static int Area(int side) => Square(side);\n\n    {member}\n}}\n";

    // Write lost its level parameter; the call in Flush still passes one.
    private static string Logs(string call) =>
        Usings + $"public static class Log\n{{\n    public static void Write(string text, bool flush) {{ }}\n\n    public static void Flush(string text, int level)\n    {{\n        {call}\n    }}\n}}\n";

    private static string Items(string body) =>
        Usings + $"public static class Log\n{{\n    public static int Count(List<int> items)\n    {{\n        {body}\n    }}\n}}\n";

    private static async Task<CompileVerdict> VerifyAsync(string before, string after, string targetId)
    {
        var project = InMemoryProject.Create(before);
        var document = project.Documents.Single();
        var model = (await document.GetSemanticModelAsync())!;
        var diagnostic = model.GetDiagnostics().First(diagnostic => diagnostic.Id == targetId);
        var candidate = new Candidate("test", "edit", document.WithText(SourceText.From(after)).Project.Solution, 0);

        return await new CompileVerifier(project.Solution, new HashSet<ProjectId>())
            .VerifyAsync(candidate, new BuildError(project, diagnostic, IsSyntax: false), CancellationToken.None);
    }
}
