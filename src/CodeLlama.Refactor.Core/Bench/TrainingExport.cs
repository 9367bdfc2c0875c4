using System.Text.Json;
using System.Text.Json.Serialization;
using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Bench;

/// <summary>
/// One training example of <c>bench --export</c>: a repair the tests verified, in a FIM family's layout. The fields are
/// published in <c>docs/bench-export.schema.json</c>.
/// </summary>
/// <param name="SchemaVersion">The version of this shape.</param>
/// <param name="Family">The FIM family whose markers <paramref name="Prompt"/> uses.</param>
/// <param name="Kind">The kind of error repaired.</param>
/// <param name="File">The file, relative to the solution's folder.</param>
/// <param name="Diagnostic">The error id, e.g. CS0103.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="Outcome">How the engine repaired it: <c>exact</c> or <c>passes</c>.</param>
/// <param name="Prefix">The text before the gap, with the diagnostic and the broken code as comments above it.</param>
/// <param name="Suffix">The text after the gap.</param>
/// <param name="Middle">The original code: the answer.</param>
/// <param name="Prompt">Prefix and suffix in the family's FIM layout, ready for the model.</param>
/// <param name="Completion">The middle followed by the family's end-of-text marker.</param>
public sealed record TrainingExample(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("family")] string Family,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("diagnostic")] string Diagnostic,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("prefix")] string Prefix,
    [property: JsonPropertyName("suffix")] string Suffix,
    [property: JsonPropertyName("middle")] string Middle,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("completion")] string Completion);

/// <summary>
/// Writes the execution-verified repairs of a bench run as FIM training examples, one JSON object per line: each mutant
/// repaired (exact or passes) whose repair the tests that reach it verified, and whose error lies in the file the gap is in.
/// </summary>
public static class TrainingExport
{
    /// <summary>The version of <see cref="TrainingExample"/>'s shape; it changes only when a field changes meaning or goes.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>The examples <paramref name="result"/> yields.</summary>
    /// <param name="result">A bench result.</param>
    /// <param name="family">The FIM family whose layout the prompts use.</param>
    /// <returns>One example per verified repair, in mutant order.</returns>
    public static IReadOnlyList<TrainingExample> Examples(BenchResult result, FimFamilyDescriptor family)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(family);
        var format = FimTextFormat.For(family);
        return result.Runs
            .Where(run => run.Repaired && run.TestsVerified && run.Mutant.Pieces is not null)
            .Select(run => (run, pieces: run.Mutant.Pieces!))
            .Select(entry => new TrainingExample(
                SchemaVersion,
                family.Name,
                entry.run.Mutant.Kind.Name(),
                entry.run.Mutant.FilePath.Replace(Path.DirectorySeparatorChar, '/'),
                entry.run.Mutant.Error.Id,
                entry.run.Mutant.Error.Message,
                entry.run.Outcome == BenchOutcome.Exact ? "exact" : "passes",
                entry.pieces.Prefix,
                entry.pieces.Suffix,
                entry.pieces.Middle,
                format.Render(entry.pieces.Prefix, entry.pieces.Suffix),
                entry.pieces.Middle + format.Stops[0]))
            .ToList();
    }

    /// <summary>Writes <paramref name="examples"/> as JSON lines.</summary>
    /// <param name="examples">The examples.</param>
    /// <param name="writer">Where the lines go.</param>
    public static void Write(IEnumerable<TrainingExample> examples, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var example in examples)
        {
            writer.Write(JsonSerializer.Serialize(example, Options));
            writer.Write('\n');
        }
    }
}
