using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>One injected build error: the file it is in (relative to the solution's folder) and the file's broken text.</summary>
internal sealed record Mutant(string Class, string FilePath, string Description, string Original, string Broken);

/// <summary>
/// Injects the build errors real builds fail with into a solution's own code, at deterministic places (the sites of
/// each class in file and position order, spread evenly): a deleted ';', a misspelt name, a deleted using, a deleted
/// argument, swapped arguments, a wrong declared type, a deleted final return, a deleted initializer, a name or member
/// cut to one of its words. A mutant is kept only if the compiler reports an error of its class.
/// </summary>
internal static class RepairMutants
{
    private delegate IEnumerable<(TextChange Change, string Description)> SiteFinder(SyntaxNode root, SemanticModel model);

    private static readonly (string Class, string[] Ids, SiteFinder Find)[] Classes =
    [
        ("syntax: deleted ';'", ["CS1002"], Shared(MutantKind.Syntax)),
        ("misspelt name", ["CS0103", "CS1061"], Shared(MutantKind.MisspelledName)),
        ("deleted using", ["CS0246", "CS0103", "CS1061", "CS0117", "CS1503"], Shared(MutantKind.MissingUsing)),
        ("missing argument (CS7036/CS1501)", ["CS7036", "CS1501"], Shared(MutantKind.MissingArgument)),
        ("argument order (CS1503/CS1502)", ["CS1503", "CS1502"], Shared(MutantKind.SwappedArguments)),
        ("declared type (CS0029/CS0266)", ["CS0029", "CS0266"], Shared(MutantKind.TypeMismatch)),
        ("missing return (CS0161)", ["CS0161"], Shared(MutantKind.DeletedReturn)),
        ("unassigned local (CS0165)", ["CS0165"], Shared(MutantKind.UnassignedLocal)),
        ("unknown name (CS0103)", ["CS0103"], ShortenedNames),
        ("unknown member (CS1061/CS0117)", ["CS1061", "CS0117"], ShortenedMembers),
    ];

    public static IReadOnlyList<string> ClassNames => Classes.Select(entry => entry.Class).ToList();

    public static async Task<IReadOnlyList<Mutant>> FindAsync(Solution solution, string rootDirectory, int perClass)
    {
        // Errors go into the code under test, never into the tests that judge the repair.
        var documents = solution.Projects
            .Where(project => !TestRunner.AffectedTestProjects(solution, [project.Id]).Any(test => test.Id == project.Id))
            .SelectMany(project => project.Documents)
            .Where(document => document.FilePath is not null && !GeneratedCode.IsGeneratedFileName(document.FilePath)
                && !document.FilePath.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .DistinctBy(document => document.FilePath)
            .OrderBy(document => document.FilePath, StringComparer.Ordinal)
            .ToList();
        var mutants = new List<Mutant>();
        foreach (var (name, ids, find) in Classes)
        {
            var sites = new List<(Document Document, TextChange Change, string Description)>();
            foreach (var document in documents)
            {
                var root = (await document.GetSyntaxRootAsync())!;
                var model = (await document.GetSemanticModelAsync())!;
                sites.AddRange(find(root, model).Select(site => (document, site.Change, site.Description)));
            }

            var kept = 0;
            // Evenly spread over the sites, the same ones on every run; a site whose error is not of the class is skipped.
            foreach (var index in Spread(sites.Count, perClass * 4))
            {
                var (document, change, description) = sites[index];
                var original = (await document.GetTextAsync()).ToString();
                var broken = (await document.GetTextAsync()).WithChanges(change);
                var errors = await ErrorsAsync(document.WithText(broken));
                if (errors.Count == 0 || !ids.Contains(errors[0]))
                {
                    continue;
                }

                mutants.Add(new Mutant(name, Path.GetRelativePath(rootDirectory, document.FilePath!), description, original, broken.ToString()));
                if (++kept == perClass)
                {
                    break;
                }
            }
        }

        return mutants;
    }

    // The first error decides the class, as csc reports syntax first.
    private static async Task<IReadOnlyList<string>> ErrorsAsync(Document document)
    {
        var model = (await document.GetSemanticModelAsync())!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var syntax = model.SyntaxTree.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        var errors = syntax.Count > 0 ? syntax : compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        return errors.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).Select(diagnostic => diagnostic.Id).ToList();
    }

    private static IEnumerable<int> Spread(int count, int wanted)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < Math.Min(count, wanted); i++)
        {
            var index = (int)((long)i * count / Math.Min(count, wanted));
            if (seen.Add(index))
            {
                yield return index;
            }
        }

        for (var index = 0; index < count; index++)
        {
            if (seen.Add(index))
            {
                yield return index;
            }
        }
    }

    // The kinds bench makes too: the same sites (MutantSites).
    private static SiteFinder Shared(MutantKind kind) =>
        (root, model) => MutantSites.Find(kind, root, model).Select(site => (site.Change, site.Description));

    // A name of two words written in the other order ('parameterName' as 'nameParameter'): beyond the edits and the
    // prefixes a spelling fix reaches, as a name remembered rather than read is.
    private static IEnumerable<(TextChange, string)> ShortenedNames(SyntaxNode root, SemanticModel model) =>
        root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(name => name.Parent is not MemberAccessExpressionSyntax { Name: var member } || member != name)
            .Where(name => model.GetSymbolInfo(name).Symbol is ILocalSymbol or IParameterSymbol && NameWords.Split(name.Identifier.ValueText).Count == 2)
            .Select(name => (name, swapped: Swapped(name.Identifier.ValueText)))
            .Where(entry => SyntaxFacts.GetKeywordKind(entry.swapped) == SyntaxKind.None)
            .Select(entry => (new TextChange(entry.name.Identifier.Span, entry.swapped), $"'{entry.name}' written '{entry.swapped}'"));

    // The member every collection has under one of two names ('Length' of an array or string written 'Count', and the
    // reverse), or a member of two words written in the other order.
    private static IEnumerable<(TextChange, string)> ShortenedMembers(SyntaxNode root, SemanticModel model) =>
        root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(access => model.GetSymbolInfo(access.Name).Symbol is IPropertySymbol or IFieldSymbol or IMethodSymbol { IsExtensionMethod: false })
            .Select(access => (access, written: access.Name.Identifier.ValueText switch
            {
                "Length" => "Count",
                "Count" => "Length",
                var name when NameWords.Split(name).Count == 2 => NameWords.Capitalize(Swapped(name)),
                _ => null,
            }))
            .Where(entry => entry.written is not null)
            .Select(entry => (new TextChange(entry.access.Name.Identifier.Span, entry.written!), $"'{entry.access}' written '.{entry.written}'"));

    private static string Swapped(string name)
    {
        var words = NameWords.Split(name);
        return words[1] + NameWords.Capitalize(words[0]);
    }
}
