using System.Collections.Immutable;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLlama.Refactor.Analyzers;

/// <summary>
/// CLRF0001: an externally visible type or member has no XML documentation comment. The same rule as the compiler's
/// CS1591 (shared with <c>codellama-refactor check</c>), but reported whatever the project's GenerateDocumentationFile
/// setting, and configurable in .editorconfig (<c>dotnet_diagnostic.CLRF0001.severity</c>). Generated code is skipped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingDocumentationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.MissingDocumentation);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(
            Analyze, SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Event, SymbolKind.Field);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var symbol = context.Symbol;
        if (!DocumentationRequirement.IsRequired(symbol, Visibility.Public) || GeneratedCode.IsMarkedGenerated(symbol))
        {
            return;
        }

        // A partial symbol is documented when any of its parts is, as for the compiler; it is reported at its first
        // declaration outside generated code.
        if (DocumentationRequirement.IsDocumented(symbol, context.CancellationToken)
            || symbol.DeclaringSyntaxReferences.FirstOrDefault(reference => !GeneratedCode.IsGenerated(reference.SyntaxTree, context.CancellationToken))
                is not { } declared)
        {
            return;
        }

        var location = symbol.Locations.FirstOrDefault(candidate => candidate.SourceTree == declared.SyntaxTree) ?? symbol.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(Rules.MissingDocumentation, location, symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }
}
