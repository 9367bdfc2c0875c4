using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates.Async;

/// <summary>The task types an <c>async</c> method returns and <c>await</c> unwraps: Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;.</summary>
internal static class TaskTypes
{
    private const string Namespace = "System.Threading.Tasks";

    /// <summary>Whether <paramref name="type"/> is one of the task types.</summary>
    public static bool IsTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: <= 1 } named
        && named.ContainingNamespace?.ToDisplayString() == Namespace;

    /// <summary>
    /// Whether <paramref name="method"/> is shaped like an event handler (<c>(object sender, SomethingEventArgs e)</c>
    /// returning void): its delegate fixes the return type, so it becomes <c>async void</c>, the one place that is right.
    /// </summary>
    public static bool IsEventHandler(IMethodSymbol method) =>
        method.ReturnsVoid
        && method.Parameters is [{ Type.SpecialType: SpecialType.System_Object }, { Type: var args }]
        && DerivesFromEventArgs(args);

    private static bool DerivesFromEventArgs(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "EventArgs" } && current.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }
}
