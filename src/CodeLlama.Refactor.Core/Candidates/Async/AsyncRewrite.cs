using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Async;

/// <summary>
/// One <c>await</c> added, with what it takes to compile: the function that holds it becomes <c>async</c>, returning a
/// task of what it returned (a <c>void</c> method <c>Task</c>, an event handler stays <c>async void</c>); a method whose
/// return type so changes is awaited at every call, and those callers become <c>async</c> in turn. All of it is one
/// edit, so the solution never holds a call that forgets its task: every caller expected the value, and now awaits it.
/// Never <c>.Result</c>, <c>.Wait()</c> or <c>GetAwaiter().GetResult()</c>: where a function cannot become
/// <c>async</c> (a constructor, an accessor, an override or interface member whose contract fixes its return type, an
/// iterator) there is no candidate.
/// </summary>
internal sealed class AsyncRewrite(Solution solution)
{
    /// <summary>The most edits one candidate makes; beyond it the change is no longer a repair a reviewer reads.</summary>
    public const int MaxEdits = 64;

    private readonly Dictionary<DocumentId, List<TextChange>> changes = [];
    private readonly HashSet<(DocumentId, int)> madeAsync = [];
    private readonly Queue<IMethodSymbol> retyped = new();
    private readonly Dictionary<DocumentId, (SyntaxNode Root, SemanticModel Model)> parsed = [];

    /// <summary>The functions made <c>async</c>, by name, in the order they were.</summary>
    public List<string> AsyncFunctions { get; } = [];

    /// <summary>How many calls of a retyped method were awaited.</summary>
    public int CallersAwaited { get; private set; }

    /// <summary>Awaits <paramref name="expression"/> and everything that follows from it; false when it cannot be done.</summary>
    public async Task<bool> AwaitAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var (_, model) = await ParsedAsync(document, cancellationToken).ConfigureAwait(false);
        if (!Await(document.Id, model, expression))
        {
            return false;
        }

        while (retyped.TryDequeue(out var method))
        {
            if (!await AwaitCallsAsync(method, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return changes.Values.Sum(list => list.Count) <= MaxEdits;
    }

    /// <summary>The solution with every edit.</summary>
    public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
    {
        var result = solution;
        foreach (var (id, list) in changes)
        {
            var text = await solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            result = result.WithDocumentText(id, text.WithChanges(list.Distinct().OrderBy(change => change.Span.Start)));
        }

        return result;
    }

    private bool Await(DocumentId document, SemanticModel model, ExpressionSyntax expression)
    {
        if (expression.Parent is AwaitExpressionSyntax)
        {
            return true;
        }

        // `await` binds looser than member access, element access and calls: `(await task).Length`.
        var parenthesize = expression.Parent is MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or ElementAccessExpressionSyntax
            or InvocationExpressionSyntax or PostfixUnaryExpressionSyntax;
        Add(document, new TextChange(new TextSpan(expression.SpanStart, 0), parenthesize ? "(await " : "await "));
        if (parenthesize)
        {
            Add(document, new TextChange(new TextSpan(expression.Span.End, 0), ")"));
        }

        var function = expression.Ancestors().FirstOrDefault(node => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
        return function is not null && MakeAsync(document, model, function);
    }

    private bool MakeAsync(DocumentId document, SemanticModel model, SyntaxNode function)
    {
        if (!madeAsync.Add((document, function.SpanStart)))
        {
            return true;
        }

        switch (function)
        {
            case AnonymousFunctionExpressionSyntax lambda:
                if (lambda.AsyncKeyword.IsKind(SyntaxKind.None))
                {
                    Add(document, new TextChange(new TextSpan(lambda.SpanStart, 0), "async "));
                    AsyncFunctions.Add("lambda");
                }

                return true;
            case MethodDeclarationSyntax method:
                return MakeAsync(document, model, method, method.Modifiers, method.ReturnType, method.Identifier.ValueText);
            case LocalFunctionStatementSyntax local:
                return MakeAsync(document, model, local, local.Modifiers, local.ReturnType, local.Identifier.ValueText);
            default:
                return false;
        }
    }

    private bool MakeAsync(DocumentId document, SemanticModel model, SyntaxNode function, SyntaxTokenList modifiers, TypeSyntax returnType, string name)
    {
        if (modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            return true;
        }

        if (model.GetDeclaredSymbol(function) is not IMethodSymbol symbol || ContractFixesReturnType(symbol)
            || function.DescendantNodes().Any(node => node is YieldStatementSyntax))
        {
            return false;
        }

        var retype = !TaskTypes.IsTask(symbol.ReturnType) && !TaskTypes.IsEventHandler(symbol);
        var task = TaskName(model, returnType.SpanStart);
        var newType = !retype ? returnType.ToString() : symbol.ReturnsVoid ? task : $"{task}<{returnType}>";
        Add(document, new TextChange(returnType.Span, "async " + newType));
        AsyncFunctions.Add(name);
        if (retype)
        {
            retyped.Enqueue(symbol);
        }

        return true;
    }

    // An override or an interface member's implementation keeps the return type its contract declares; changing that
    // contract is a change of the base or interface, not a repair of this body.
    private static bool ContractFixesReturnType(IMethodSymbol method) =>
        method.IsOverride || method.IsAbstract || method.IsExtern || method.IsPartialDefinition || method.PartialImplementationPart is not null
        || method.PartialDefinitionPart is not null || method.ExplicitInterfaceImplementations.Length > 0
        || method.ContainingType.AllInterfaces.SelectMany(type => type.GetMembers())
            .Any(member => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method));

    // `Task` as the code at the position can name it.
    private static string TaskName(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "Task").Any(symbol => symbol is INamedTypeSymbol type && TaskTypes.IsTask(type))
            ? "Task"
            : "System.Threading.Tasks.Task";

    // Every call of a method whose return type became a task awaits it: the caller expected the value.
    private async Task<bool> AwaitCallsAsync(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(reference => reference.Locations).Where(location => !location.IsImplicit))
        {
            var (root, model) = await ParsedAsync(location.Document, cancellationToken).ConfigureAwait(false);
            var name = root.FindNode(location.Location.SourceSpan, findInsideTrivia: true, getInnermostNodeForTie: true);
            if (name.IsPartOfStructuredTrivia() || name.Ancestors().OfType<InvocationExpressionSyntax>().Any(IsNameOf))
            {
                continue;
            }

            var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
            // A method group handed to a delegate, or a call through `?.`, has no place for an `await` that keeps its meaning.
            if (callee.Parent is not InvocationExpressionSyntax call || call.Expression != callee || !Await(location.Document.Id, model, call))
            {
                return false;
            }

            CallersAwaited++;
        }

        return true;
    }

    private static bool IsNameOf(InvocationExpressionSyntax invocation) =>
        invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" };

    private async Task<(SyntaxNode Root, SemanticModel Model)> ParsedAsync(Document document, CancellationToken cancellationToken)
    {
        if (!parsed.TryGetValue(document.Id, out var entry))
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            parsed[document.Id] = entry = (root!, model!);
        }

        return entry;
    }

    private void Add(DocumentId document, TextChange change)
    {
        if (!changes.TryGetValue(document, out var list))
        {
            changes[document] = list = [];
        }

        list.Add(change);
    }
}
