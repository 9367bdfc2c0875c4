using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// The first test run of a copy that holds the user's build (<see cref="WarmOutputs"/>) without MSBuild building it:
/// the projects whose sources changed since that build, and the projects that reference one whose reference assembly
/// changed (MSBuild's own rule), are emitted from the
/// candidate's compilations (each project's own options: warnings as errors, documentation diagnostics, its key) over
/// their assemblies in the output folders the tests run from, and the tests run with <c>dotnet test --no-build</c>.
/// It is done only where the emit stands for what the build would write; any doubt, and MSBuild builds as before:
/// <list type="bullet">
/// <item>every project the tests reach has its last compile in its output folder, and no file of the copy but their C#
/// documents (no project or imported build file, restore, resource, content, linked file) is newer than the earliest;</item>
/// <item>each emitted assembly has the built one's name, version and public key, resources, references, and the same
/// types, members and method body sizes outside the types declared in the documents changed since the build — what a
/// build step that rewrites the compiler's output (IL weaving, merged types) or other compiler settings would change.</item>
/// </list>
/// Nothing is written to the copy until every project passed.
/// </summary>
internal static class WarmEmit
{
    // The only files under a project's obj folder that the build reads as inputs rather than writes.
    private const string AssetsFile = "project.assets.json";

    /// <summary>What was emitted over one project's output.</summary>
    public sealed record Emitted(Project Project, BuiltAssembly Built, EmittedAssembly Assembly);

    /// <summary>
    /// Checks and emits; null with the reason when MSBuild must build, else every project emitted (their assemblies
    /// are written over the copy's outputs by <see cref="Write"/>).
    /// </summary>
    public static async Task<(IReadOnlyList<Emitted>? Emitted, string? Reason)> PrepareAsync(
        TestCopy target, Solution candidate, IReadOnlyList<Project> testProjects, ProjectOutputs outputs, IReadOnlySet<ProjectId>? documentationBuilt, CancellationToken cancellationToken)
    {
        var graph = candidate.GetProjectDependencyGraph();
        var reached = TestedOutputs.Reached(candidate, testProjects);
        var documentCopies = reached.SelectMany(id => candidate.GetProject(id)!.Documents)
            .Where(document => document.FilePath is not null)
            .Select(document => Path.GetFullPath(target.PathOf(outputs.InOwnBuild(document.Project, document.FilePath!))))
            .ToHashSet(StringComparer.Ordinal);

        var changedSinceBuild = new Dictionary<ProjectId, IReadOnlyList<Document>>();
        var earliest = DateTime.MaxValue;
        foreach (var id in reached)
        {
            var project = candidate.GetProject(id)!;
            var (buildTime, reason) = LastCompile(target, project, outputs);
            if (reason is not null)
            {
                return (null, $"{project.Name}: {reason}");
            }

            earliest = buildTime < earliest ? buildTime : earliest;
            changedSinceBuild[id] = project.Documents
                .Where(document => document.FilePath is not null && File.GetLastWriteTimeUtc(target.PathOf(outputs.InOwnBuild(project, document.FilePath!))) > buildTime)
                .ToList();
        }

        var assets = reached.Select(id => Path.Combine(Path.GetDirectoryName(target.PathOf(candidate.GetProject(id)!.FilePath!))!, "obj", AssetsFile));
        var newer = NewerInput(target, earliest, documentCopies, assets);
        if (newer is not null)
        {
            return (null, $"{Path.GetRelativePath(target.Root, newer)} is newer than the last build of the projects the tests reach");
        }

        // As MSBuild does, a project is compiled again when its sources changed or when the reference assembly of a
        // project it references did: a dependent compiled against the same declarations compiles to the same code.
        var toEmit = reached.Where(id => changedSinceBuild[id].Count > 0).ToHashSet();
        var emitted = new List<Emitted>();
        foreach (var id in graph.GetTopologicallySortedProjects(cancellationToken).Where(toEmit.Contains))
        {
            var project = candidate.GetProject(id)!;
            var (one, reason) = await EmitAsync(target, project, changedSinceBuild[id], outputs, documentationBuilt, cancellationToken).ConfigureAwait(false);
            if (one is null)
            {
                return (null, $"{project.Name}: {reason}");
            }

            emitted.Add(one);
            if (!SameDeclarations(target, project, outputs, one.Assembly))
            {
                toEmit.UnionWith(graph.GetProjectsThatDirectlyDependOnThisProject(id).Where(reached.Contains));
            }
        }

        return (emitted, null);
    }

    /// <summary>Writes each emitted assembly over its output and the copies of it in the output folders of the tested projects.</summary>
    public static void Write(TestCopy target, Solution candidate, IReadOnlyList<Project> testProjects, IEnumerable<Emitted> emitted, ProjectOutputs outputs)
    {
        var reached = TestedOutputs.Reached(candidate, testProjects);
        foreach (var one in emitted)
        {
            foreach (var path in TestedOutputs.CopiesOf(target, candidate, one.Project, reached, outputs))
            {
                AssemblyEmitter.Write(one.Assembly, path);
            }
        }
    }

    // When the project was last compiled (its intermediate assembly's time), provided its output folder holds that compile.
    private static (DateTime BuildTime, string? Reason) LastCompile(TestCopy target, Project project, ProjectOutputs outputs)
    {
        if (project.Language != LanguageNames.CSharp || outputs.AssemblyPath(project) is not { } output || outputs.IntermediateAssemblyPath(project) is not { } intermediate)
        {
            return (default, "it is not a C# project with known outputs");
        }

        var (outputCopy, intermediateCopy) = (target.PathOf(output), target.PathOf(intermediate));
        if (!File.Exists(outputCopy) || !File.Exists(intermediateCopy))
        {
            return (default, "it has not been built where the workspace says it builds");
        }

        return File.ReadAllBytes(outputCopy).AsSpan().SequenceEqual(File.ReadAllBytes(intermediateCopy))
            ? (File.GetLastWriteTimeUtc(intermediateCopy), null)
            : (default, "its output folder does not hold its last compile");
    }

    // A file of the copy newer than the earliest last compile of the projects the tests reach, other than their C#
    // documents: anything a build can read (a project or imported build file, a resource, content it copies, a file it
    // links from another folder), and the restore's assets. Their obj folders hold only what builds and restores wrote.
    private static string? NewerInput(TestCopy target, DateTime buildTime, IReadOnlySet<string> documentCopies, IEnumerable<string> assets) =>
        CopiedFiles(target.Root).Where(file => !documentCopies.Contains(file))
            .Concat(assets)
            .FirstOrDefault(file => !File.Exists(file) || File.GetLastWriteTimeUtc(file) > buildTime);

    // The files of the folder and its subfolders, build outputs left out.
    private static IEnumerable<string> CopiedFiles(string folder) =>
        Directory.EnumerateFiles(folder).Concat(Directory.EnumerateDirectories(folder)
            .Where(sub => !CopyRules.SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
            .SelectMany(CopiedFiles));

    private static async Task<(Emitted? Emitted, string? Reason)> EmitAsync(
        TestCopy target, Project project, IReadOnlyList<Document> changedSinceBuild, ProjectOutputs outputs, IReadOnlySet<ProjectId>? documentationBuilt, CancellationToken cancellationToken)
    {
        var (built, reason) = BuiltAssembly.Read(target.PathOf(outputs.AssemblyPath(project)!));
        if (built is null)
        {
            return (null, reason);
        }

        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var (assembly, error) = AssemblyEmitter.Emit(compilation!, built, AssemblyEmitter.BuildsDocumentation(documentationBuilt, project.Id), cancellationToken);
        if (assembly is null)
        {
            return (null, $"its compilation does not emit: {error}");
        }

        var leftOut = await DeclaredTypesAsync(changedSinceBuild, cancellationToken).ConfigureAwait(false);
        using var builtStream = File.OpenRead(built.Path);
        var difference = AssemblyShape.Of(new MemoryStream(assembly.Pe), leftOut).DifferenceFrom(AssemblyShape.Of(builtStream, leftOut));
        return difference is null ? (new Emitted(project, built, assembly), null) : (null, difference);
    }

    // Whether the project's reference assembly, emitted from the candidate in the same pass as its assembly (as csc's
    // -refout writes it), declares what the one its build wrote does (ReferenceAssemblyIdentity).
    private static bool SameDeclarations(TestCopy target, Project project, ProjectOutputs outputs, EmittedAssembly emitted)
    {
        var built = target.PathOf(outputs.ReferenceAssemblyPath(project)!);
        return File.Exists(built) && ReferenceAssemblyIdentity.SameDeclarations(emitted.Reference, File.ReadAllBytes(built));
    }

    /// <summary>The metadata names (<c>Namespace.Name`1</c>) of the top-level types declared in <paramref name="documents"/>.</summary>
    internal static async Task<IReadOnlySet<string>> DeclaredTypesAsync(IEnumerable<Document> documents, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            foreach (var declaration in root.DescendantNodes(node => node is not BaseTypeDeclarationSyntax).Where(node => node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
            {
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type)
                {
                    names.Add(type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName : $"{type.ContainingNamespace.ToDisplayString()}.{type.MetadataName}");
                }
            }
        }

        return names;
    }
}
