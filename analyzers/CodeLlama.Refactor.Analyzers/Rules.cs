using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Analyzers;

/// <summary>The diagnostics this package reports; each has a page under docs/rules.</summary>
public static class Rules
{
    /// <summary>The documentation category.</summary>
    public const string DocumentationCategory = "Documentation";

    /// <summary>Where the rule pages live.</summary>
    public const string HelpBase = "https://github.com/codellama-refactor/codellama-refactor/blob/main/docs/rules/";

    /// <summary>CLRF0001: a public member lacks XML documentation.</summary>
    public static readonly DiagnosticDescriptor MissingDocumentation = new(
        id: "CLRF0001",
        title: "Public member lacks XML documentation",
        messageFormat: "'{0}' is visible outside its assembly but has no XML documentation",
        category: DocumentationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every externally visible type and member should have an XML documentation comment (the compiler's "
            + "CS1591 rule), whether or not the project generates a documentation file. Generated code is not reported.",
        helpLinkUri: HelpBase + "CLRF0001.md");
}
