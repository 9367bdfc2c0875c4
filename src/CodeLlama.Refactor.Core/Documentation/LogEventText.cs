using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Logging methods named by a level (<c>Debug</c>, <c>Warning</c>, <c>Error</c>…) or <c>Write</c>/<c>Log</c>: they write
/// a log event, they do not debug or warn anything. Read so only where the method shows it logs: it takes a message (or
/// template, or format), or its body forwards to a <c>Write*</c>/<c>Log*</c> method.
/// </summary>
internal static class LogEventText
{
    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal)
    {
        "trace", "verbose", "debug", "information", "info", "notice", "warning", "warn", "error", "critical", "fatal",
    };

    /// <summary>Whether <paramref name="word"/> names a log level, a noun that must not be read as a verb.</summary>
    public static bool IsLevel(string word) => Levels.Contains(word);

    /// <summary>"Writes a log event at the Debug level." for a level-named logging method; null for any other method.</summary>
    public static IReadOnlyList<XmlNodeSyntax>? Summary(IMethodSymbol method, IReadOnlyList<string> words, DocContext? context)
    {
        if (words is not [var word] || !(IsLevel(word) || word is "write" or "log") || !Logs(method, context))
        {
            return null;
        }

        var level = IsLevel(word) ? $"at the {Capitalize(word)} level"
            : method.Parameters.Any(parameter => parameter.Name.Contains("level", StringComparison.OrdinalIgnoreCase)) ? "at the specified level"
            : null;
        if (level is null)
        {
            return null;
        }

        var withException = method.Parameters.Any(parameter => TypeText.IsSystemClassOrDerived(parameter.Type, "Exception")) ? " with an exception" : "";
        return [XmlDoc.Text($"Writes a log event {level}{withException}.")];
    }

    private static bool Logs(IMethodSymbol method, DocContext? context) =>
        method.Parameters.Any(parameter => parameter.Type.SpecialType == SpecialType.System_String
            && (parameter.Name.Contains("message", StringComparison.OrdinalIgnoreCase)
                || parameter.Name.Contains("template", StringComparison.OrdinalIgnoreCase)
                || parameter.Name.Equals("format", StringComparison.OrdinalIgnoreCase)))
        || context?.Declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => CalledName(call.Expression) is { } name
            && (name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Log", StringComparison.Ordinal))) == true;

    private static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
