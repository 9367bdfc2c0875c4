using System.Text.Json.Nodes;

namespace CodeLlama.Refactor.Reports;

/// <summary>SARIF's rule metadata for the ids the tool reports: what code scanning shows next to each result.</summary>
internal static class SarifRules
{
    private const string RulePages = "https://github.com/codellama-refactor/codellama-refactor/blob/main/docs/rules/";

    public static JsonObject Describe(string id, Finding first)
    {
        var (shortText, fullText) = id switch
        {
            "CS1591" => ("Missing XML comment for publicly visible type or member",
                "A public or protected type or member has no documentation comment (the compiler's CS1591, where the project "
                + "generates a documentation file). `codellama-refactor doc` writes one."),
            "CLRF0001" => ("Missing XML comment for publicly visible type or member",
                "A public or protected type or member has no documentation comment: the compiler's CS1591 rule, in a project "
                + "that does not generate a documentation file (where the build itself reports nothing). `codellama-refactor doc` writes one."),
            "CLRF0002" => ("Incomplete XML comment",
                "An existing documentation comment lacks elements the compiler does not ask for (returns, value). "
                + "`codellama-refactor doc` adds them."),
            _ when id.StartsWith("CS", StringComparison.Ordinal) => ($"C# compiler {(first.Level == FindingLevel.Error ? "error" : "diagnostic")} {id}",
                $"Reported by the C# compiler, as `dotnet build` reports it, e.g.: {first.Message}"),
            _ => (id, first.Message),
        };
        var helpUri = id.StartsWith("CS", StringComparison.Ordinal)
            ? $"https://learn.microsoft.com/dotnet/csharp/misc/{id.ToLowerInvariant()}"
            : RulePages + id + ".md";
        return new JsonObject
        {
            ["id"] = id,
            ["shortDescription"] = new JsonObject { ["text"] = shortText },
            ["fullDescription"] = new JsonObject { ["text"] = fullText },
            ["helpUri"] = helpUri,
            // GitHub's rules (GH2012) ask for help text besides the link; code scanning shows the markdown.
            ["help"] = new JsonObject
            {
                ["text"] = $"{fullText} More: {helpUri}",
                ["markdown"] = $"**{id}**: {fullText}\n\n[More about {id}]({helpUri})",
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(first.Level) },
        };
    }

    public static string Level(FindingLevel level) => level.ToString().ToLowerInvariant();
}
