using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Writes a loaded project's compilation options, metadata references and analyzers back as the compiler's command-line
/// arguments, which the workspace's own <see cref="CommandLineProject"/> turns into a project again. Only what such a
/// command line can say is written, and a ruleset's severities no switch says beside it (<see cref="OtherSeverities"/>);
/// a project holding anything else (a script, several aliases on one reference) gets null, and is loaded through
/// MSBuild every time. Whatever is written is checked by opening it
/// again and comparing (<see cref="LoadEquivalence"/>): the arguments need not be MSBuild's, only equivalent.
/// </summary>
internal static class CompilerArguments
{
    /// <summary>The arguments for <paramref name="project"/>, or null when they cannot say all of it.</summary>
    /// <param name="project">A loaded C# project.</param>
    /// <param name="diagnosesDocumentation">Whether its own build reports documentation diagnostics (the loaded options say Diagnose for every project).</param>
    /// <param name="debugPlus">Whether to pass <c>/debug+</c>, which sets a part of the options that cannot be read.</param>
    /// <returns>The arguments, or null.</returns>
    public static IReadOnlyList<string>? For(Project project, bool diagnosesDocumentation, bool debugPlus)
    {
        if (project.CompilationOptions is not CSharpCompilationOptions options || project.ParseOptions is not CSharpParseOptions parse
            || project.CompilationOutputInfo.AssemblyPath is not { } assemblyPath
            || Options(options) is not { } optionArguments
            || Parse(parse) is not { } parseArguments
            || References(project) is not { } references
            || Analyzers(project) is not { } analyzers)
        {
            return null;
        }

        return
        [
            "/nostdlib+",
            Quoted("/out:", assemblyPath),
            .. debugPlus ? ["/debug+"] : Array.Empty<string>(),
            .. diagnosesDocumentation ? [Quoted("/doc:", Path.ChangeExtension(assemblyPath, ".xml"))] : Array.Empty<string>(),
            .. optionArguments,
            .. parseArguments,
            .. references,
            .. analyzers,
        ];
    }

    /// <summary>The severities a ruleset gave that no compiler switch says (warning, information, hidden), by diagnostic id.</summary>
    /// <param name="project">A loaded project.</param>
    /// <returns>The severities, in id order; empty when there are none.</returns>
    public static IReadOnlyList<SeverityRecord> OtherSeverities(Project project) =>
        project.CompilationOptions is not { } options ? []
            : [.. options.SpecificDiagnosticOptions
                .Where(entry => entry.Value is ReportDiagnostic.Warn or ReportDiagnostic.Info or ReportDiagnostic.Hidden)
                .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => new SeverityRecord(entry.Key, entry.Value))];

    private static List<string>? Options(CSharpCompilationOptions options)
    {
        if (options.Usings.Length > 0 || options.CryptoPublicKey.Length > 0 || options.ReportSuppressedDiagnostics
            || options.MetadataImportOptions != MetadataImportOptions.Public || options.ScriptClassName != "Script"
            || Target(options.OutputKind) is not { } target || Platform(options.Platform) is not { } platform
            || options.GeneralDiagnosticOption is not (ReportDiagnostic.Default or ReportDiagnostic.Error))
        {
            return null;
        }

        var arguments = new List<string>
        {
            "/target:" + target,
            "/platform:" + platform,
            "/warn:" + options.WarningLevel,
            options.OptimizationLevel == OptimizationLevel.Release ? "/optimize+" : "/optimize-",
            options.CheckOverflow ? "/checked+" : "/checked-",
            options.AllowUnsafe ? "/unsafe+" : "/unsafe-",
            options.Deterministic ? "/deterministic+" : "/deterministic-",
            options.ConcurrentBuild ? "/parallel+" : "/parallel-",
            "/nullable:" + options.NullableContextOptions.ToString().ToLowerInvariant(),
        };
        if (options.GeneralDiagnosticOption == ReportDiagnostic.Error)
        {
            arguments.Add("/warnaserror+");
        }

        if (options.ModuleName is { } module)
        {
            arguments.Add("/modulename:" + module);
        }

        if (options.MainTypeName is { } main)
        {
            arguments.Add("/main:" + main);
        }

        if (options.CryptoKeyFile is { } keyFile)
        {
            arguments.Add(Quoted("/keyfile:", keyFile));
        }

        if (options.CryptoKeyContainer is { } container)
        {
            arguments.Add(Quoted("/keycontainer:", container));
        }

        if (options.DelaySign is { } delaySign)
        {
            arguments.Add(delaySign ? "/delaysign+" : "/delaysign-");
        }

        if (options.PublicSign)
        {
            arguments.Add("/publicsign+");
        }

        return Severities(options, arguments) ? arguments : null;
    }

    // Each id's severity as /nowarn, /warnaserror+ or /warnaserror- says it; a ruleset's other severities are kept beside
    // the arguments (OtherSeverities).
    private static bool Severities(CSharpCompilationOptions options, List<string> arguments)
    {
        var bySeverity = options.SpecificDiagnosticOptions.GroupBy(entry => entry.Value).ToDictionary(group => group.Key, group => group.Select(entry => entry.Key).Order(StringComparer.Ordinal).ToList());
        foreach (var (severity, ids) in bySeverity)
        {
            if (ids.Any(id => id.Contains(',', StringComparison.Ordinal) || id.Contains(';', StringComparison.Ordinal)))
            {
                return false;
            }

            var switchName = severity switch
            {
                ReportDiagnostic.Suppress => "/nowarn:",
                ReportDiagnostic.Error => "/warnaserror+:",
                ReportDiagnostic.Default => "/warnaserror-:",
                _ => null,
            };
            if (switchName is null)
            {
                // No switch says warning, information or hidden (a ruleset does): OtherSeverities keeps them.
                continue;
            }

            arguments.Add(switchName + string.Join(',', ids));
        }

        return true;
    }

    private static List<string>? Parse(CSharpParseOptions parse)
    {
        if (parse.Kind != SourceCodeKind.Regular
            || parse.Features.Any(feature => feature.Key.Contains(',', StringComparison.Ordinal) || feature.Value.Contains(',', StringComparison.Ordinal))
            || parse.PreprocessorSymbolNames.Any(symbol => symbol.Contains(';', StringComparison.Ordinal)))
        {
            return null;
        }

        var arguments = new List<string> { "/langversion:" + parse.SpecifiedLanguageVersion.ToDisplayString() };
        if (parse.PreprocessorSymbolNames.Any())
        {
            arguments.Add("/define:" + string.Join(';', parse.PreprocessorSymbolNames));
        }

        arguments.AddRange(parse.Features.OrderBy(feature => feature.Key, StringComparer.Ordinal).Select(feature => $"/features:{feature.Key}={feature.Value}"));
        return arguments;
    }

    private static List<string>? References(Project project)
    {
        var arguments = new List<string>();
        foreach (var reference in project.MetadataReferences)
        {
            if (reference is not PortableExecutableReference { FilePath: { } path } file
                || file.Properties.Kind != MetadataImageKind.Assembly || file.Properties.Aliases.Length > 1
                || (file.Properties.EmbedInteropTypes && file.Properties.Aliases.Length > 0))
            {
                return null;
            }

            var alias = file.Properties.Aliases.Length == 1 ? file.Properties.Aliases[0] + "=" : "";
            arguments.Add(Quoted(file.Properties.EmbedInteropTypes ? "/link:" : "/reference:" + alias, path));
        }

        return arguments;
    }

    private static List<string>? Analyzers(Project project)
    {
        var arguments = new List<string>();
        foreach (var reference in project.AnalyzerReferences)
        {
            if (reference is not AnalyzerFileReference file)
            {
                return null;
            }

            arguments.Add(Quoted("/analyzer:", file.FullPath));
        }

        return arguments;
    }

    private static string? Target(OutputKind kind) => kind switch
    {
        OutputKind.ConsoleApplication => "exe",
        OutputKind.WindowsApplication => "winexe",
        OutputKind.DynamicallyLinkedLibrary => "library",
        OutputKind.NetModule => "module",
        OutputKind.WindowsRuntimeMetadata => "winmdobj",
        OutputKind.WindowsRuntimeApplication => "appcontainerexe",
        _ => null,
    };

    private static string? Platform(Platform platform) => platform switch
    {
        Microsoft.CodeAnalysis.Platform.AnyCpu => "anycpu",
        Microsoft.CodeAnalysis.Platform.AnyCpu32BitPreferred => "anycpu32bitpreferred",
        Microsoft.CodeAnalysis.Platform.X86 => "x86",
        Microsoft.CodeAnalysis.Platform.X64 => "x64",
        Microsoft.CodeAnalysis.Platform.Arm => "arm",
        Microsoft.CodeAnalysis.Platform.Arm64 => "arm64",
        Microsoft.CodeAnalysis.Platform.Itanium => "itanium",
        _ => null,
    };

    // The compiler's parser takes a quoted value whole (a path may hold a comma or a semicolon, which separate values).
    private static string Quoted(string switchName, string value) => switchName + "\"" + value + "\"";
}
