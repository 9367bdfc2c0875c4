namespace CodeLlama.Refactor;

/// <summary>
/// The user's input cannot be used: a missing path, an unreadable file, no project found, a project that cannot load.
/// </summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The machine cannot do the job: no .NET SDK or MSBuild could be found.
/// </summary>
public sealed class EnvironmentException(string message, Exception? inner = null) : Exception(message, inner);
