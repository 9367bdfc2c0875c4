using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The embedded default: documentation text from names, signatures and what bodies do, in the conventions users know
/// from .NET's reference documentation and StyleCop ("Initializes a new instance of…", "Gets or sets…", "Occurs when…"),
/// with types as references and the project's own text reused where it already documents the same thing. Where no true
/// sentence can be made, a short neutral one.
/// </summary>
public sealed class TemplateDocText : IDocTextSource
{
    /// <inheritdoc/>
    public string Name => "template";

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<XmlNodeSyntax>> GetContentAsync(DocGap gap, CancellationToken cancellationToken) =>
        new(Content(gap.Element));

    /// <summary>The template content of <paramref name="element"/>.</summary>
    /// <param name="element">The element to fill.</param>
    /// <returns>Text and reference nodes.</returns>
    public static IReadOnlyList<XmlNodeSyntax> Content(DocElement element)
    {
        var context = element.Context;
        return ExistingDocs.Reused(element) ?? element.Kind switch
        {
            DocElementKind.Summary => Summary(element.Symbol, context),
            DocElementKind.TypeParam => ParameterText.TypeParam(element.Symbol, element.Name!, context),
            DocElementKind.Param => ParameterText.Param(element.Symbol, element.Name!, context),
            DocElementKind.Returns => element.Symbol switch
            {
                IMethodSymbol method => MethodText.Returns(method, context),
                INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => DelegateReturns(invoke, context),
                _ => [XmlDoc.Text("The result.")],
            },
            DocElementKind.Value when element.Symbol is IPropertySymbol property => MemberText.PropertyValue(property, context),
            DocElementKind.Exception => ExceptionText.For(element.Name!, element.Detail),
            _ => [XmlDoc.Text(NameWords.Capitalize(NameWords.Phrase(element.Symbol.Name)) + ".")],
        };
    }

    private static IReadOnlyList<XmlNodeSyntax> Summary(ISymbol symbol, DocContext? context) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.StaticConstructor } method =>
            [XmlDoc.Text("Initializes the static members of the "), .. Cref(method.ContainingType, context), XmlDoc.Text($" {TypeWord(method.ContainingType)}.")],
        IMethodSymbol { MethodKind: MethodKind.Constructor } method =>
            [XmlDoc.Text("Initializes a new instance of the "), .. Cref(method.ContainingType, context), XmlDoc.Text($" {TypeWord(method.ContainingType)}.")],
        IMethodSymbol { MethodKind: MethodKind.Destructor } method =>
            [XmlDoc.Text("Releases the resources of this "), .. Cref(method.ContainingType, context), XmlDoc.Text(" instance before it is reclaimed.")],
        IMethodSymbol method => MethodText.Summary(method, context),
        IPropertySymbol property => MemberText.PropertySummary(property, context),
        IEventSymbol @event => MemberText.Event(@event),
        IFieldSymbol field => MemberText.Field(field, context),
        INamedTypeSymbol type => TypeSummaryText.For(type, context),
        _ => [XmlDoc.Text(NameWords.Capitalize(NameWords.Phrase(symbol.Name)) + ".")],
    };

    // A delegate returns what its invoke method returns; its name says nothing of what that is.
    private static IReadOnlyList<XmlNodeSyntax> DelegateReturns(IMethodSymbol invoke, DocContext? context) =>
        MethodText.IsTask(invoke.ReturnType)
            ? invoke.ReturnType is INamedTypeSymbol { TypeArguments: [var result] }
                ? [XmlDoc.Text("A task that represents the asynchronous operation. The task result contains the "), .. TypeText.Nodes(result, context), XmlDoc.Text(".")]
                : [XmlDoc.Text("A task that represents the asynchronous operation.")]
            : [XmlDoc.Text("The "), .. TypeText.Nodes(invoke.ReturnType, context), XmlDoc.Text(" the method returns.")];

    private static IReadOnlyList<XmlNodeSyntax> Cref(INamedTypeSymbol type, DocContext? context) =>
        context is not null && TypeText.CrefFor(type, context) is { } cref ? [XmlDoc.SeeCref(cref)] : [XmlDoc.SeeCref(type)];

    private static string TypeWord(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };
}
