using CodeLlama.Refactor.Verification;

namespace CodeLlama.Refactor.Candidates;

/// <summary>
/// Errors with one root cause (the same missing symbol, the same changed member, the same interface or base member)
/// that one candidate repairs together: one edit across files, verified and tested as one (all or none).
/// </summary>
/// <param name="Cause">The root cause in words, e.g. <c>missing member 'ComputeTotal'</c>.</param>
/// <param name="Errors">The errors of the group, as the compiler reported them when the candidate was made.</param>
public sealed record ErrorGroup(string Cause, IReadOnlyList<DiagnosticKey> Errors);
