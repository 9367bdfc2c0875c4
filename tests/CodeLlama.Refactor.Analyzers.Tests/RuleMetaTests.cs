using System.Composition;
using System.Reflection;
using CodeLlama.Refactor.Analyzers.CodeFixes;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>Checks every analyzer and code fix the package ships, not just the ones written so far.</summary>
public sealed class RuleMetaTests
{
    private static readonly Type[] AnalyzerTypes = typeof(Rules).Assembly.GetTypes()
        .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract).ToArray();

    private static readonly Type[] CodeFixTypes = typeof(AddDocumentationCodeFixProvider).Assembly.GetTypes()
        .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract).ToArray();

    private static IEnumerable<DiagnosticDescriptor> Descriptors =>
        AnalyzerTypes.SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics);

    [Fact]
    public void Rule_ids_are_unique_and_follow_the_clrf_numbering()
    {
        var ids = Descriptors.Select(descriptor => descriptor.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^CLRF[0-9]{4}$", id));
    }

    [Fact]
    public void Every_help_link_points_at_a_rule_page_in_the_repository()
    {
        foreach (var descriptor in Descriptors)
        {
            Assert.Equal(Rules.HelpBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            var page = Path.Combine(Samples.RepositoryRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{page} is missing");
            Assert.StartsWith($"# {descriptor.Id}:", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_is_in_the_release_tracking_files()
    {
        var folder = Path.Combine(Samples.RepositoryRoot, "analyzers", "CodeLlama.Refactor.Analyzers");
        var tracked = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));

        Assert.All(Descriptors, descriptor => Assert.Contains(descriptor.Id + " |", tracked, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzers_and_code_fixes_are_exported_for_csharp()
    {
        Assert.All(AnalyzerTypes, type =>
            Assert.Contains(LanguageNames.CSharp, type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()!.Languages));
        Assert.All(CodeFixTypes, type =>
        {
            Assert.Contains(LanguageNames.CSharp, type.GetCustomAttribute<ExportCodeFixProviderAttribute>()!.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        });
        Assert.Equal(3, CodeFixTypes.Length);
    }

    [Fact]
    public void Every_code_fix_handles_a_diagnostic_that_exists()
    {
        var ours = Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(CodeFixTypes, type => Assert.All(
            ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds,
            id => Assert.True(ours.Contains(id) || id.StartsWith("CS", StringComparison.Ordinal), id)));
    }
}
