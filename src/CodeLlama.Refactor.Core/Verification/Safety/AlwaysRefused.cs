using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// Symbols refused in untrusted code whatever the allow-list, the member before the edit or the user's capabilities say:
/// they reach code the gate cannot see (late binding, reflection, expression trees) or leave managed safety.
/// </summary>
public static class AlwaysRefused
{
    private static readonly string[] ReflectionNamespaces = ["System.Reflection", "System.Runtime.Loader", "Microsoft.CSharp.RuntimeBinder", "System.Runtime.Remoting"];
    private static readonly string[] ReflectionTypes = ["System.Type", "System.Activator", "System.AppDomain", "System.RuntimeTypeHandle", "System.RuntimeMethodHandle", "System.RuntimeFieldHandle", "System.TypedReference", "System.Runtime.CompilerServices.RuntimeHelpers"];
    private static readonly string[] NativeNamespaces = ["System.Runtime.InteropServices", "System.Runtime.Intrinsics"];
    private static readonly string[] NativeTypes = ["System.Runtime.CompilerServices.Unsafe", "System.ArgIterator", "System.RuntimeArgumentHandle"];

    /// <summary>Why <paramref name="type"/> is always refused, or null.</summary>
    /// <param name="type">A type the code names or computes.</param>
    /// <returns>The kind, or null when it is not always refused.</returns>
    public static RefusalKind? Type(ITypeSymbol type) => type switch
    {
        IDynamicTypeSymbol => RefusalKind.Dynamic,
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => RefusalKind.Native,
        INamedTypeSymbol named => Named(named),
        _ => null,
    };

    /// <summary>Why the member <paramref name="member"/> is always refused, or null.</summary>
    /// <param name="member">A method, property, field or event.</param>
    /// <returns>The kind, or null.</returns>
    public static RefusalKind? Member(ISymbol member)
    {
        if (member is IMethodSymbol { MethodKind: MethodKind.FunctionPointerSignature })
        {
            return RefusalKind.Native;
        }

        var type = member.ContainingType;
        if (type is null)
        {
            return null;
        }

        var typeName = AllowList.FullName(type.OriginalDefinition);
        return (typeName, member.Name) switch
        {
            ("System.Object", nameof(GetType)) => RefusalKind.Reflection,
            ("System.Delegate" or "System.MulticastDelegate", "CreateDelegate" or "DynamicInvoke" or "Method" or "GetMethodInfo") => RefusalKind.Reflection,
            _ => Named(type),
        };
    }

    private static RefusalKind? Named(INamedTypeSymbol type)
    {
        var original = type.OriginalDefinition;
        var ns = original.ContainingNamespace?.ToDisplayString() ?? "";
        var name = AllowList.FullName(original);
        if (Within(ns, "System.Linq.Expressions") || name is "System.Linq.Queryable" or "System.Linq.IQueryable" or "System.Linq.IQueryable`1" or "System.Linq.IOrderedQueryable`1" or "System.Linq.IQueryProvider")
        {
            return RefusalKind.ExpressionTree;
        }

        if (ReflectionNamespaces.Any(prefix => Within(ns, prefix)) || ReflectionTypes.Contains(name))
        {
            return RefusalKind.Reflection;
        }

        if (NativeNamespaces.Any(prefix => Within(ns, prefix)) || NativeTypes.Contains(name))
        {
            return RefusalKind.Native;
        }

        if (name == "System.Runtime.CompilerServices.ModuleInitializerAttribute")
        {
            return RefusalKind.TypeInitializer;
        }

        return null;
    }

    private static bool Within(string ns, string prefix) =>
        ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);
}
