namespace CodeLlama.Refactor.Targets;

/// <summary>A type or member that must be documented and has no documentation comment.</summary>
/// <param name="Symbol">The symbol as the compiler names it in messages, e.g. <c>Shapes.Circle.Area(double)</c>.</param>
/// <param name="Kind">What it is, in words: class, method, property, enum member, …</param>
/// <param name="FilePath">The absolute path of the file that declares it.</param>
/// <param name="Line">The 1-based line of its name.</param>
/// <param name="Column">The 1-based column of its name.</param>
public sealed record UndocumentedMember(string Symbol, string Kind, string FilePath, int Line, int Column);
