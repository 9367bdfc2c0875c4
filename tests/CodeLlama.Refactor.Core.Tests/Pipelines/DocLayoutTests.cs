using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>doc on layouts beyond one target and one member per line: several frameworks, #if, one-line files.</summary>
public sealed class DocLayoutTests
{
    private const string MultiTarget = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks><Nullable>enable</Nullable><GenerateDocumentationFile>true</GenerateDocumentationFile></PropertyGroup>
        </Project>
        """;

    // An attribute only one target compiles, a member only the first target declares and one only the second declares.
    private const string Widget = """
        using System;

        namespace Lib
        {
        #if !NET10_0_OR_GREATER
            [Obsolete("old")]
        #endif
            public class Widget
            {
                public int Size { get; set; }

        #if !NET10_0_OR_GREATER
                public string LegacyName() => "legacy";
        #endif

        #if NET10_0_OR_GREATER
                public string NewName() => "new";
        #endif
            }
        }

        """;

    [Fact]
    public async Task MultiTarget_WithIfOnlyMembersAndAttributesUnderIf_IsDocumentedInEveryTarget_Idempotently_CodeUntouched()
    {
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = MultiTarget,
            ["Lib/Widget.cs"] = Widget,
        });
        var path = SolutionPath.Resolve(solution.Directory);

        var first = await DocPipeline.RunAsync(path, new DocOptions());
        var afterFirst = File.ReadAllText(solution.File("Lib/Widget.cs"));
        var second = await DocPipeline.RunAsync(path, new DocOptions());
        var (buildExit, buildOutput) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        Assert.True(first.IsClean, string.Join("\n", first.Files.Select(file => file.Reason)));
        Assert.Equal(4, first.Before.Total);
        Assert.Equal(4, first.Members.Count);
        Assert.Empty(second.Files);
        Assert.Equal(afterFirst, File.ReadAllText(solution.File("Lib/Widget.cs")));
        Assert.Equal(0, buildExit);
        Assert.DoesNotContain(DotnetCli.ParseDiagnostics(buildOutput), diagnostic => diagnostic.Id is "CS1591" or "CS1587");
        Assert.Equal(StripComments(Widget), StripComments(afterFirst));
        // The comment precedes the #if block that holds the attribute, so the attribute follows it in every target.
        Assert.Matches(@"/// </summary>\n#if !NET10_0_OR_GREATER\n    \[Obsolete", afterFirst);
        Assert.Matches(@"#if !NET10_0_OR_GREATER\n        /// <summary>[^#]*public string LegacyName", afterFirst);
        Assert.Matches(@"#if NET10_0_OR_GREATER\n        /// <summary>[^#]*public string NewName", afterFirst);
    }

    [Fact]
    public async Task OneLineFile_MembersAreMovedToTheirOwnLines_AndDocumented()
    {
        const string OneLine = "namespace Lib { public static class Numbers { public static int Answer() => 42; } }\n";
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Numbers.cs"] = OneLine });

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions());

        var text = File.ReadAllText(solution.File("Lib/Numbers.cs"));
        Assert.True(result.IsClean);
        Assert.Empty(result.Skipped);
        Assert.Equal(2, result.Members.Count);
        Assert.Contains("namespace Lib {\n    /// <summary>", text);
        Assert.Contains("    public static class Numbers {\n        /// <summary>", text);
        Assert.Contains("\n        public static int Answer() => 42; } }", text);
        Assert.Equal(StripComments(OneLine), StripComments(text));
    }

    [Fact]
    public async Task DryRun_LabelsAMissingParamTagBesideDocumentedOnes_AsCS1573_NotCS1591()
    {
        const string Source = """
            namespace Lib;

            /// <summary>Arithmetic.</summary>
            public static class Numbers
            {
                /// <summary>Adds.</summary>
                /// <param name="left">The first.</param>
                /// <returns>The sum.</returns>
                public static int Add(int left, int right) => left + right;

                /// <summary>Doubles.</summary>
                /// <param name="value">The value.</param>
                public static int Twice(int value) => value * 2;
            }

            """;
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Numbers.cs"] = Source });

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions(DryRun: true));

        Assert.Equal(DocumentedMember.MissingParamTag, Assert.Single(result.Members, member => member.Symbol.Contains("Add", StringComparison.Ordinal)).Diagnostic);
        Assert.Equal(DocumentedMember.IncompleteComment, Assert.Single(result.Members, member => member.Symbol.Contains("Twice", StringComparison.Ordinal)).Diagnostic);
        Assert.DoesNotContain(result.Members, member => member.Diagnostic == "CS1591");
        using var text = new StringWriter();
        DocReport.Write(result, ReportFormat.Text, text);
        Assert.Contains("warning CS1573: Incomplete XML comment for method 'Lib.Numbers.Add(int, int)' (doc would add to it: param right)", text.ToString());
        Assert.DoesNotContain("CS1591", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockCommentMissingAParam_IsReportedWithItsReason_NotSkippedSilently()
    {
        const string Source = "namespace Lib;\n\n/** <summary>Arithmetic.</summary> */\npublic static class Numbers\n{\n    /** <summary>Doubles.</summary> */\n    public static int Twice(int value) => value * 2;\n}\n";
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Numbers.cs"] = Source });

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions());

        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("Lib.Numbers.Twice(int)", skipped.Symbol);
        Assert.StartsWith("not completed", skipped.Reason, StringComparison.Ordinal);
        Assert.False(result.IsClean);
        Assert.Equal(Source, File.ReadAllText(solution.File("Lib/Numbers.cs")));
        using var text = new StringWriter();
        DocReport.Write(result, ReportFormat.Text, text);
        Assert.Contains("Numbers.cs(7): method 'Lib.Numbers.Twice(int)' not completed", text.ToString());
    }

    // The code with comments and whitespace removed: doc changes nothing else.
    private static string StripComments(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, "///[^\n]*\n", string.Empty), @"\s+", string.Empty);
}
