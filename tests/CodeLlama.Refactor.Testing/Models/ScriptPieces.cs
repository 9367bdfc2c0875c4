namespace CodeLlama.Refactor.Testing.Models;

/// <summary>
/// Splits a script into distinct vocabulary pieces, one word each with SentencePiece's "▁" for a leading space. A
/// scripted model only sees the current token, so a piece may not repeat: a repeat, or a piece that would clash with
/// the single-character tokens, is joined to the piece before it.
/// </summary>
public static class ScriptPieces
{
    /// <summary>Splits <paramref name="script"/>.</summary>
    /// <param name="script">The text the model must emit.</param>
    /// <returns>Pieces whose concatenation (with ▁ read as a space) is the script.</returns>
    public static IReadOnlyList<string> Split(string script)
    {
        var words = script.Replace(' ', '▁').Split('▁');
        var pieces = new List<string>();
        for (var index = 0; index < words.Length; index++)
        {
            var piece = index == 0 ? words[0] : "▁" + words[index];
            if (piece.Length == 0)
            {
                continue;
            }

            if (pieces.Count > 0 && (piece.Length == 1 || pieces.Contains(piece, StringComparer.Ordinal)))
            {
                pieces[^1] += piece;
            }
            else
            {
                pieces.Add(piece);
            }
        }

        // A one-character first piece would clash with that character's own token: join it to the next one.
        if (pieces.Count > 1 && pieces[0].Length == 1)
        {
            pieces[0] += pieces[1];
            pieces.RemoveAt(1);
        }

        if (pieces.Count == 0 || pieces[0].Length == 1)
        {
            throw new ArgumentException($"The script '{script}' is too short to be scripted.", nameof(script));
        }

        // Joining can make an earlier piece equal a later one.
        if (pieces.Distinct(StringComparer.Ordinal).Count() != pieces.Count)
        {
            throw new ArgumentException($"The script '{script}' repeats itself too much to be scripted.", nameof(script));
        }

        return pieces;
    }
}
