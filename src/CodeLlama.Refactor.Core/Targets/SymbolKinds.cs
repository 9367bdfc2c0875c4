using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>Names symbol kinds the way C# developers say them.</summary>
public static class SymbolKinds
{
    /// <summary>Returns the kind of <paramref name="symbol"/> in words, e.g. "record struct" or "extension method".</summary>
    /// <param name="symbol">A declared symbol.</param>
    /// <returns>The kind in lower case.</returns>
    public static string Describe(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Class, IsRecord: true } => "record",
        INamedTypeSymbol { TypeKind: TypeKind.Struct, IsRecord: true } => "record struct",
        INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => "constructor",
        IMethodSymbol { MethodKind: MethodKind.Destructor } => "finalizer",
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } => "operator",
        IMethodSymbol { MethodKind: MethodKind.Conversion } => "conversion operator",
        IMethodSymbol { IsExtensionMethod: true } => "extension method",
        IMethodSymbol => "method",
        IPropertySymbol { IsIndexer: true } => "indexer",
        IPropertySymbol => "property",
        IEventSymbol => "event",
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => "enum member",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };
}
