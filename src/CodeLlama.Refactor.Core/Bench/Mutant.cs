namespace CodeLlama.Refactor.Bench;

/// <summary>The compile error a mutant is built with, as the compiler reported it.</summary>
/// <param name="Id">The error id, e.g. CS0103.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="FilePath">The file it is in, relative to the solution's folder.</param>
/// <param name="Line">Its line, from 1.</param>
public sealed record MutantError(string Id, string Message, string FilePath, int Line);

/// <summary>
/// What a repair model is asked to write for a mutant, had it been asked in the repair prompt's layout: the file before
/// the gap with the diagnostic and the broken code as comments above it, the file after the gap, and the original code,
/// which is the right answer.
/// </summary>
/// <param name="Prefix">The text before the gap, comments included (<see cref="Candidates.Model.RepairPrompt.Prefix"/>).</param>
/// <param name="Suffix">The text after the gap.</param>
/// <param name="Middle">The original code of the gap.</param>
public sealed record FimPieces(string Prefix, string Suffix, string Middle);

/// <summary>One build error injected into a private copy of the user's code.</summary>
/// <param name="Number">Its number in the run, from 1.</param>
/// <param name="Kind">What kind of error it is.</param>
/// <param name="FilePath">The changed file, relative to the solution's folder.</param>
/// <param name="Description">What was changed, in words.</param>
/// <param name="Original">The file's text before.</param>
/// <param name="Broken">The file's text with the error.</param>
/// <param name="Error">The first error the build then reports, one of the kind's intended errors.</param>
/// <param name="ReachingTests">How many tests reach the changed member (0 when none do, or when it cannot be told).</param>
/// <param name="Pieces">The FIM example of its repair, or null when the error is not in the changed file.</param>
public sealed record Mutant(
    int Number,
    MutantKind Kind,
    string FilePath,
    string Description,
    string Original,
    string Broken,
    MutantError Error,
    int ReachingTests,
    FimPieces? Pieces);
