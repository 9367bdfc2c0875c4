using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// The first build of a test copy with the verified compilations in the compiler's place: each project's compilation,
/// already in memory, is emitted where csc would write it, and MSBuild runs every other step of the build (copying
/// references, writing deps and runtimeconfig files, targets after the compile) with <c>SkipCompilerExecution</c>.
/// A target added to the build records each project's compiler command line; the build counts only when that command
/// line compiles the same files against the same references into the same paths as the emit did. The manifest
/// resources MSBuild compiled (and the kind of debug information it asks for) are then emitted in, over every copy
/// of the assembly. Anything else, and MSBuild builds normally.
/// </summary>
internal sealed class CompilerStandIn
{
    private const string ArgumentsSuffix = ".compiler-arguments";
    private const string TargetsFileName = "record-compiler-arguments.targets";

    // Older than any input, so that MSBuild's CoreCompile never takes the emitted files for an up-to-date build and
    // always records the command line; a later build that does compile replaces them.
    private static readonly DateTime OlderThanAnyInput = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TestCopy copy;
    private readonly IReadOnlyList<StandInAssembly> assemblies;
    private readonly string targetsFile;

    private CompilerStandIn(TestCopy copy, IReadOnlyList<StandInAssembly> assemblies, string targetsFile) =>
        (this.copy, this.assemblies, this.targetsFile) = (copy, assemblies, targetsFile);

    /// <summary>The properties that make MSBuild build around the emitted assemblies and record the compiler's command line.</summary>
    public IReadOnlyList<string> BuildProperties =>
        ["-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", $"-p:CustomAfterMicrosoftCommonTargets={targetsFile}"];

    /// <summary>
    /// Emits the compilation of every project in <paramref name="projects"/> where the build would write it in
    /// <paramref name="target"/>; null with the reason when one of them cannot stand in for the compiler.
    /// </summary>
    public static async Task<(CompilerStandIn? StandIn, string? Reason)> PrepareAsync(
        TestCopy target, Solution candidate, IReadOnlyCollection<ProjectId> projects, ProjectOutputs outputs, IReadOnlySet<ProjectId>? documentationBuilt, CancellationToken cancellationToken)
    {
        var reason = TargetsHookReason(target, candidate, projects);
        if (reason is not null)
        {
            return (null, reason);
        }

        var assemblies = new List<StandInAssembly>();
        var refusal = await EmitAllAsync(target, candidate, projects, outputs, documentationBuilt, assemblies, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            // What was emitted before the refusal must not be taken for a build's output.
            Delete(assemblies);
            return (null, refusal);
        }

        var targetsFile = Path.Combine(target.Root, ".codellama-refactor", TargetsFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(targetsFile)!);
        File.WriteAllText(targetsFile, RecordingTargets);
        return (new CompilerStandIn(target, assemblies, targetsFile), null);
    }

    // Emits each project where its build would write, adding it to assemblies; the reason when one cannot stand in.
    private static async Task<string?> EmitAllAsync(
        TestCopy target, Solution candidate, IReadOnlyCollection<ProjectId> projects, ProjectOutputs outputs, IReadOnlySet<ProjectId>? documentationBuilt, List<StandInAssembly> assemblies, CancellationToken cancellationToken)
    {
        foreach (var project in projects.Select(id => candidate.GetProject(id)!))
        {
            if (project.Language != LanguageNames.CSharp || outputs.IntermediateAssemblyPath(project) is not { } intermediate || outputs.AssemblyPath(project) is not { } output)
            {
                return $"{project.Name} is not a C# project with known outputs";
            }

            if (IsOutside(target, intermediate) || IsOutside(target, output))
            {
                return $"{project.Name} builds outside the solution's folder ({intermediate})";
            }

            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var assembly = new StandInAssembly(project.Id, target.PathOf(intermediate));
            var assumed = new BuiltAssembly(assembly.IntermediatePath, [], DebugInformationFormat.PortablePdb, Path.ChangeExtension(assembly.IntermediatePath, ".pdb"));
            var (emitted, error) = AssemblyEmitter.Emit(compilation!, assumed, AssemblyEmitter.BuildsDocumentation(documentationBuilt, project.Id), cancellationToken);
            if (emitted is null)
            {
                return $"{project.Name}'s compilation does not emit: {error}";
            }

            assemblies.Add(assembly);
            Directory.CreateDirectory(Path.GetDirectoryName(assembly.IntermediatePath)!);
            File.WriteAllBytes(assembly.IntermediatePath, emitted.Pe);
            File.WriteAllBytes(assumed.PdbPath!, emitted.Pdb!);
            Directory.CreateDirectory(Path.GetDirectoryName(assembly.ReferencePath)!);
            File.WriteAllBytes(assembly.ReferencePath, ReferenceAssembly.Emit(compilation!, cancellationToken)!);
            foreach (var file in assembly.Files)
            {
                File.SetLastWriteTimeUtc(file, OlderThanAnyInput);
            }
        }

        return null;
    }

    private static bool IsOutside(TestCopy target, string path) =>
        Path.GetRelativePath(target.SourceRoot, path) is var relative && (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));

    /// <summary>
    /// After the build: checks each recorded command line against what was emitted and emits the build's resources in;
    /// the reason when the build is not one the emitted assemblies can stand for, else null.
    /// </summary>
    public async Task<string?> CompleteAsync(Solution candidate, ProjectOutputs outputs, IReadOnlySet<ProjectId>? documentationBuilt, CancellationToken cancellationToken)
    {
        foreach (var assembly in assemblies)
        {
            var project = candidate.GetProject(assembly.ProjectId)!;
            var argumentsFile = assembly.IntermediatePath + ArgumentsSuffix;
            if (!File.Exists(argumentsFile))
            {
                return $"{project.Name}: the build did not record its compiler command line";
            }

            var lines = File.ReadAllLines(argumentsFile);
            if (lines.Any(line => line.StartsWith("/linkres", StringComparison.OrdinalIgnoreCase) || line.StartsWith("-linkres", StringComparison.OrdinalIgnoreCase)))
            {
                return $"{project.Name}: it links resources from other files";
            }

            var arguments = CSharpCommandLineParser.Default.Parse(lines, Path.GetDirectoryName(copy.PathOf(project.FilePath!))!, sdkDirectory: null);
            var (built, reason) = Compare(project, assembly, arguments, outputs);
            if (reason is not null)
            {
                return $"{project.Name}: {reason}";
            }

            if (built!.Resources.Count == 0 && built.DebugFormat == DebugInformationFormat.PortablePdb && built.PdbPath == Path.ChangeExtension(assembly.IntermediatePath, ".pdb"))
            {
                continue;
            }

            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var (emitted, error) = AssemblyEmitter.Emit(compilation!, built, AssemblyEmitter.BuildsDocumentation(documentationBuilt, project.Id), cancellationToken);
            if (emitted is null)
            {
                return $"{project.Name}'s compilation does not emit with the build's resources: {error}";
            }

            var reached = assemblies.Select(other => other.ProjectId).ToHashSet();
            foreach (var path in TestedOutputs.CopiesOf(copy, candidate, project, reached, outputs).Prepend(assembly.IntermediatePath))
            {
                AssemblyEmitter.Write(emitted, path);
            }
        }

        return null;
    }

    /// <summary>Deletes what was emitted, so that a normal build compiles every project again.</summary>
    public void Undo() => Delete(assemblies);

    private static void Delete(IEnumerable<StandInAssembly> emitted)
    {
        foreach (var file in emitted.SelectMany(assembly => assembly.Files.Append(assembly.IntermediatePath + ArgumentsSuffix)).Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    // The build's own files may already name a targets file to import last; the stand-in's would replace it.
    private static string? TargetsHookReason(TestCopy target, Solution candidate, IEnumerable<ProjectId> projects)
    {
        var buildFiles = projects.Select(id => candidate.GetProject(id)!.FilePath!)
            .Concat(Directory.EnumerateFiles(target.Root, "Directory.Build.*", SearchOption.AllDirectories))
            .Distinct(StringComparer.Ordinal);
        var hooked = buildFiles.FirstOrDefault(file => File.Exists(file) && File.ReadAllText(file).Contains("CustomAfterMicrosoftCommonTargets", StringComparison.Ordinal));
        return hooked is null ? null : $"{Path.GetFileName(hooked)} sets CustomAfterMicrosoftCommonTargets, through which the build records its compiler command lines";
    }

    // What the command line says the build wrote, or why the emitted assembly is not that build's output.
    private (BuiltAssembly? Built, string? Reason) Compare(Project project, StandInAssembly assembly, CSharpCommandLineArguments arguments, ProjectOutputs outputs)
    {
        var output = Path.GetFullPath(Path.Combine(arguments.OutputDirectory, arguments.OutputFileName ?? string.Empty));
        if (output != assembly.IntermediatePath)
        {
            return (null, $"the build compiles to {output}, not {assembly.IntermediatePath}");
        }

        if (arguments.OutputRefFilePath is { } reference && Path.GetFullPath(reference) != assembly.ReferencePath)
        {
            return (null, $"the build writes its reference assembly to {reference}, not {assembly.ReferencePath}");
        }

        var compiled = arguments.SourceFiles.Select(file => Path.GetFullPath(file.Path)).ToHashSet(StringComparer.Ordinal);
        var emitted = project.Documents.Where(document => document.FilePath is not null)
            .Select(document => Path.GetFullPath(copy.PathOf(outputs.InOwnBuild(project, document.FilePath!))))
            .ToHashSet(StringComparer.Ordinal);
        if (compiled.Except(emitted).FirstOrDefault() is { } onlyBuilt)
        {
            return (null, $"the build compiles {Path.GetFileName(onlyBuilt)}, which the workspace does not");
        }

        if (emitted.Except(compiled).FirstOrDefault() is { } onlyEmitted)
        {
            return (null, $"the workspace compiles {Path.GetFileName(onlyEmitted)}, which the build does not");
        }

        var referenced = arguments.MetadataReferences.Select(reference => Path.GetFileName(reference.Reference)).ToHashSet(StringComparer.Ordinal);
        var held = project.MetadataReferences.OfType<PortableExecutableReference>().Select(reference => reference.FilePath)
            .Concat(project.ProjectReferences.Select(reference => project.Solution.GetProject(reference.ProjectId)?.OutputFilePath))
            .OfType<string>()
            .Select(path => Path.GetFileName(path))
            .ToHashSet(StringComparer.Ordinal);
        if (!referenced.SetEquals(held))
        {
            var different = referenced.Except(held).Concat(held.Except(referenced)).First();
            return (null, $"the build and the workspace reference different assemblies ({different})");
        }

        if (arguments.Win32ResourceFile is not null || arguments.Win32Icon is not null)
        {
            return (null, "its build compiles Win32 resources in");
        }

        var debugFormat = arguments.EmitPdb ? arguments.EmitOptions.DebugInformationFormat : (DebugInformationFormat?)null;
        var pdbPath = debugFormat == DebugInformationFormat.PortablePdb ? Path.GetFullPath(arguments.PdbPath ?? Path.ChangeExtension(output, ".pdb")) : null;
        return (new BuiltAssembly(assembly.IntermediatePath, arguments.ManifestResources, debugFormat, pdbPath), null);
    }

    // Written into the copy only: records the command line the compiler would have been given, beside its output.
    private const string RecordingTargets = """
        <Project>
          <Target Name="CodeLlamaRefactorRecordCompilerArguments" AfterTargets="CoreCompile" Condition="'@(CscCommandLineArgs)' != ''">
            <WriteLinesToFile File="@(IntermediateAssembly->'%(FullPath).compiler-arguments')" Lines="@(CscCommandLineArgs)" Overwrite="true" />
          </Target>
        </Project>
        """;

    /// <summary>Where one project's emitted assembly, PDB and reference assembly are in the copy.</summary>
    private sealed record StandInAssembly(ProjectId ProjectId, string IntermediatePath)
    {
        // The SDK's IntermediateRefAssembly: refint beside the assembly; the command line confirms it.
        public string ReferencePath => Path.Combine(Path.GetDirectoryName(IntermediatePath)!, "refint", Path.GetFileName(IntermediatePath));

        public IEnumerable<string> Files => [IntermediatePath, Path.ChangeExtension(IntermediatePath, ".pdb"), ReferencePath];
    }
}
