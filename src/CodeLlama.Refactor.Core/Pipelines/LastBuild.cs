using System.Collections.Concurrent;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// What the user's last build shows of the solution as loaded: a project it compiled from what the project holds now,
/// against the declarations its references have now, has no build error, and a <c>dotnet build</c> would not compile it
/// again (MSBuild's own rule: a compile is skipped when no input is newer than its output). The compiler writes a
/// project's assembly only when it compiled without an error; a project is <em>untouched</em> when that assembly under
/// <c>obj/</c> (<see cref="ProjectOutputs.IntermediateAssemblyPath"/>) is at least as new as everything its compile
/// reads (<see cref="CompileInputs"/>) but the projects it references. What it binds to in those is their reference
/// assemblies; each must be no newer than its compile and declare what the referenced project declares now
/// (<see cref="Verdict"/>). Like MSBuild's check, this trusts file times, and does not see a setting that changed outside
/// the files (an environment variable the build reads); a run given <c>-p:</c> properties does not use it.
/// </summary>
internal sealed class LastBuild
{
    // How far apart the compiler writes an assembly and its reference assembly.
    private static readonly TimeSpan SameCompile = TimeSpan.FromSeconds(2);

    private readonly Solution solution;
    private readonly ProjectOutputs outputs;
    private readonly CompileInputs inputs;
    private readonly ConcurrentDictionary<ProjectId, DateTime?> untouched = new();
    private readonly IReadOnlySet<ProjectId> documentationBuilt;
    private readonly ConcurrentDictionary<Project, Lazy<Task<bool>>> declaresAsBuilt = new(ReferenceEqualityComparer.Instance);

    /// <summary>Reads the user's build of <paramref name="solution"/>'s projects where <paramref name="outputs"/> says it writes them.</summary>
    /// <param name="solution">The solution as loaded.</param>
    /// <param name="outputs">Where the projects' own builds write their assemblies.</param>
    /// <param name="rootDirectory">The solution's folder.</param>
    /// <param name="documentationBuilt">The projects whose build generates documentation.</param>
    public LastBuild(Solution solution, ProjectOutputs outputs, string rootDirectory, IReadOnlySet<ProjectId> documentationBuilt)
    {
        this.solution = solution;
        this.documentationBuilt = documentationBuilt;
        this.outputs = outputs;
        inputs = new CompileInputs(solution, rootDirectory);
    }

    /// <summary>What the last build shows of one project's build errors.</summary>
    public enum Verdict
    {
        /// <summary>Nothing: it must be compiled.</summary>
        Unknown,

        /// <summary>None: it and the declarations it binds to are as they were built.</summary>
        Clean,

        /// <summary>
        /// None, provided a project it references declares what it was built with, which cannot be told yet: that
        /// project has errors, all inside member bodies. <see cref="ConfirmAsync"/> tells it once they are repaired.
        /// </summary>
        CleanIfDeclarationsKept,
    }

    /// <summary>Whether <paramref name="snapshot"/> is the solution this reads the build of.</summary>
    /// <param name="snapshot">A solution.</param>
    /// <returns>True for the very snapshot given when this was made.</returns>
    public bool Reads(Solution snapshot) => ReferenceEquals(snapshot, solution);

    /// <summary>What the last build shows of <paramref name="project"/>'s build errors in the solution as loaded.</summary>
    /// <param name="project">A project of the solution as loaded.</param>
    /// <param name="errorsOf">The build errors of another project of that solution.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The verdict.</returns>
    public async Task<Verdict> VerdictAsync(Project project, Func<ProjectId, Task<IReadOnlyList<BuildError>>> errorsOf, CancellationToken cancellationToken)
    {
        if (CompiledAt(project.Id) is not { } compiled)
        {
            return Verdict.Unknown;
        }

        var verdict = Verdict.Clean;
        foreach (var dependency in solution.GetProjectDependencyGraph().GetProjectsThatThisProjectTransitivelyDependsOn(project.Id))
        {
            var referenced = solution.GetProject(dependency)!;
            if (!ReferenceAssemblyCurrent(referenced, compiled))
            {
                return Verdict.Unknown;
            }

            if (CompiledAt(dependency) is not null)
            {
                continue;
            }

            var errors = await errorsOf(dependency).ConfigureAwait(false);
            if (errors.Count == 0 && await DeclaresAsBuiltAsync(referenced, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (errors.Count == 0 || !errors.All(InsideMemberBody))
            {
                return Verdict.Unknown;
            }

            verdict = Verdict.CleanIfDeclarationsKept;
        }

        return verdict;
    }

    /// <summary>
    /// True when, in <paramref name="final"/>, each of <paramref name="projects"/> (given <see cref="Verdict.CleanIfDeclarationsKept"/>)
    /// is still as loaded and every project it references either is as loaded and untouched since its build, or
    /// compiles to a reference assembly that declares what its build's does, and it has the errors it had as loaded
    /// (<see cref="DeclarationsKept"/>): it has none in the repaired solution, so it had none as loaded.
    /// </summary>
    /// <param name="final">The repaired solution.</param>
    /// <param name="projects">The projects to confirm.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>Whether all are confirmed.</returns>
    public async Task<bool> ConfirmAsync(Solution final, IEnumerable<ProjectId> projects, CancellationToken cancellationToken)
    {
        var changed = final.GetChanges(solution).GetProjectChanges().Select(change => change.ProjectId).ToHashSet();
        var sameErrors = await DeclarationsKept.UnchangedErrorsAsync(solution, final, cancellationToken).ConfigureAwait(false);
        foreach (var id in projects)
        {
            if (!sameErrors.Contains(id))
            {
                // Its errors as loaded are not those it has in the repaired solution: what it has there tells nothing.
                return false;
            }

            foreach (var dependency in final.GetProjectDependencyGraph().GetProjectsThatThisProjectTransitivelyDependsOn(id))
            {
                if ((changed.Contains(dependency) || CompiledAt(dependency) is null)
                    && (final.GetProject(dependency) is not { } referenced || !await DeclaresAsBuiltAsync(referenced, cancellationToken).ConfigureAwait(false)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // When the project's last compile was, provided nothing it reads but its references is newer; else null.
    private DateTime? CompiledAt(ProjectId id) => untouched.GetOrAdd(id, _ =>
    {
        var project = solution.GetProject(id)!;
        return project.Language == LanguageNames.CSharp && project.FilePath is not null && outputs.IntermediateAssemblyPath(project) is { } assembly
            && File.Exists(assembly) && File.GetLastWriteTimeUtc(assembly) is var compiled && inputs.NoneNewerThan(project, compiled)
                ? compiled
                : null;
    });

    // Whether the reference assembly the project's build wrote is what its last compile declared (the compiler writes
    // one beside its assembly, refint/, and the build copies it to ref/ when it changed; a build that stopped writing
    // them leaves an old one), and no newer than the compile of a project that uses it.
    private bool ReferenceAssemblyCurrent(Project referenced, DateTime compiled)
    {
        if (outputs.ReferenceAssemblyPath(referenced) is not { } path || outputs.IntermediateAssemblyPath(referenced) is not { } assembly)
        {
            return false;
        }

        var written = Path.Combine(Path.GetDirectoryName(assembly)!, "refint", Path.GetFileName(assembly));
        return File.Exists(path) && File.Exists(written) && File.Exists(assembly)
            && File.GetLastWriteTimeUtc(written) >= File.GetLastWriteTimeUtc(assembly) - SameCompile
            && File.GetLastWriteTimeUtc(path) <= compiled;
    }

    // Whether the project, as it is in some snapshot, compiles to a reference assembly that declares what its build's does.
    private Task<bool> DeclaresAsBuiltAsync(Project project, CancellationToken cancellationToken) =>
        declaresAsBuilt.GetOrAdd(project, _ => new(async () =>
        {
            if (outputs.ReferenceAssemblyPath(project) is not { } path || outputs.AssemblyPath(project) is not { } output || !File.Exists(path)
                || BuiltAssembly.Read(output).Built is not { } built || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return false;
            }

            // The tests' emit of the same compilation wrote it already, when they ran.
            var emitted = AssemblyEmitter.EmittedReference(compilation)
                ?? AssemblyEmitter.Emit(compilation, built, documentationBuilt.Contains(project.Id), cancellationToken).Emitted?.Reference;
            return emitted is not null && ReferenceAssemblyIdentity.SameDeclarations(emitted, await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        })).Value;

    // An error that cannot change what its project declares: inside a block or an expression body, and not a parser
    // error (which can move where members begin and end).
    private static bool InsideMemberBody(BuildError error) =>
        !error.IsSyntax && error.Diagnostic.Location is { IsInSource: true, SourceTree: { } tree } location
        && tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf().Any(node => node is BlockSyntax or ArrowExpressionClauseSyntax);
}
