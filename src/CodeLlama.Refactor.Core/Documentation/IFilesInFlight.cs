namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// A text source that fills files in order but can take several files at once (a model with slots, or an endpoint
/// that takes parallel requests). Apart from <see cref="IDocTextSource"/>, which the analyzer package compiles for
/// netstandard2.0, where an interface member cannot have a default.
/// </summary>
public interface IFilesInFlight
{
    /// <summary>How many files may be documented at once, each in its own order.</summary>
    int FilesInFlight { get; }
}
