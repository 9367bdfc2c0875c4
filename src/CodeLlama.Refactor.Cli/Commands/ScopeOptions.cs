using System.CommandLine;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>What a command looks at: files (globs, a git change), diagnostics (ids, severity) and MSBuild properties.</summary>
internal static class ScopeOptions
{
    public static readonly Option<string[]> IncludeOption = new("--include")
    {
        Description = "Documentation findings only in files matching this glob (relative to the solution's folder; * within a "
            + "folder, ** across folders, Microsoft.Extensions.FileSystemGlobbing's rules); compile errors count wherever they are. "
            + "Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string[]> ExcludeOption = new("--exclude")
    {
        Description = "Leave files matching this glob alone, their compile errors too (the report names those). Repeatable; "
            + "wins over --include.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> ChangedSinceOption = CreateChangedSinceOption();

    public static readonly Option<string[]> DiagnosticsOption = new("--diagnostics")
    {
        Description = "Only these diagnostic ids (e.g. CS0103,CS1591): the findings check reports beyond compile errors, the "
            + "errors fix repairs. Compile errors of other ids still count. Repeatable, or comma-separated.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string[]> ExcludeDiagnosticsOption = new("--exclude-diagnostics")
    {
        Description = "Never these diagnostic ids, compile errors too (the report names those). Repeatable, or comma-separated; "
            + "wins over --diagnostics.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string> SeverityOption = CreateSeverityOption();

    public static readonly Option<IReadOnlyDictionary<string, string>> PropertyOption = CreatePropertyOption();

    /// <summary>Adds <c>--diagnostics</c>, <c>--exclude-diagnostics</c> and <c>--severity</c>.</summary>
    public static Command WithDiagnosticOptions(this Command command)
    {
        command.Options.Add(DiagnosticsOption);
        command.Options.Add(ExcludeDiagnosticsOption);
        command.Options.Add(SeverityOption);
        return command;
    }

    /// <summary>The diagnostics in scope, or null when the options name none.</summary>
    public static DiagnosticFilter? Diagnostics(ParseResult parseResult)
    {
        var ids = Ids(parseResult.GetValue(DiagnosticsOption));
        var excluded = Ids(parseResult.GetValue(ExcludeDiagnosticsOption));
        var severity = parseResult.GetValue(SeverityOption) switch
        {
            "error" => DiagnosticSeverity.Error,
            "info" => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Warning,
        };
        return ids.Count == 0 && excluded.Count == 0 && severity == DiagnosticSeverity.Warning ? null : new DiagnosticFilter(ids, excluded, severity);
    }

    /// <summary>The files in scope for <paramref name="path"/>: the globs, and the git change when one is named.</summary>
    public static async Task<PathFilter> FilesAsync(ParseResult parseResult, SolutionPath path, CancellationToken cancellationToken) =>
        (await FilesAndChangeAsync(parseResult, path, cancellationToken).ConfigureAwait(false)).Files;

    /// <summary>The files in scope, and the git change <c>--changed-since</c> names (null without it).</summary>
    public static async Task<(PathFilter Files, GitChange? Change)> FilesAndChangeAsync(
        ParseResult parseResult, SolutionPath path, CancellationToken cancellationToken)
    {
        var includes = parseResult.GetValue(IncludeOption) ?? [];
        var excludes = parseResult.GetValue(ExcludeOption) ?? [];
        if (parseResult.GetValue(ChangedSinceOption) is not { } gitRef)
        {
            return (includes.Length == 0 && excludes.Length == 0 ? PathFilter.All : new PathFilter(includes, excludes), null);
        }

        var change = await GitChanges.ChangeSinceAsync(path.RootDirectory, gitRef, cancellationToken).ConfigureAwait(false);
        return (new PathFilter(includes, excludes, change.Files.Select(file => RelativePaths.From(path.RootDirectory, file))), change);
    }

    private static IReadOnlyCollection<string> Ids(string[]? values) =>
        (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // The ref is passed to git diff, which would read one that starts with '-' as an option of its own (--output=FILE).
    private static Option<string?> CreateChangedSinceOption()
    {
        var option = new Option<string?>("--changed-since")
        {
            Description = "Documentation findings only in the files a branch changed since it left this git ref (e.g. origin/main): "
                + "what git diff REF... names (committed since the merge base, staged, unstaged) and untracked files git does not "
                + "ignore. Compile errors count wherever they are, each marked as caused by the change or pre-existing.",
        };
        option.Validators.Add(result =>
        {
            // Not given: the default stands. More than one token: the parser has already said so.
            if (result.Tokens is not [{ Value: var token }])
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(token) || token.StartsWith('-'))
            {
                result.AddError($"--changed-since: '{token}' is not a git ref.");
            }
        });
        return option;
    }

    private static Option<string> CreateSeverityOption()
    {
        var option = new Option<string>("--severity")
        {
            Description = "The least severity that counts, after the project's own settings: error, warn (default) or info.",
            DefaultValueFactory = _ => "warn",
        };
        option.AcceptOnlyFromAmong("error", "warn", "info");
        return option;
    }

    // -p:Name=Value, -p:A=1;B=2, --property:Name=Value: what dotnet build takes, passed to every project as a global property.
    private static Option<IReadOnlyDictionary<string, string>> CreatePropertyOption() => new("--property", "-p")
    {
        Description = "An MSBuild property for every project, as dotnet build takes it: -p:Configuration=Release. Repeatable; "
            + "several may be separated by ';'.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => new Dictionary<string, string>(),
        CustomParser = result =>
        {
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var token in result.Tokens)
            {
                foreach (var pair in token.Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        result.AddError($"--property: '{pair}' is not Name=Value.");
                        continue;
                    }

                    properties[pair[..equals].Trim()] = pair[(equals + 1)..];
                }
            }

            return properties;
        },
    };
}
