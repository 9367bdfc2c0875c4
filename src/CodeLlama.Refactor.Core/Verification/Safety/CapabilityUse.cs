namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>One place where code uses a capability.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="Symbol">What gives it, e.g. <c>System.IO.File.Delete</c>, <c>new System.IO.FileStream</c> or <c>unsafe</c>.</param>
/// <param name="What">What it does, e.g. <c>file deletion</c>.</param>
/// <param name="Member">The member the use is in, e.g. <c>Lib.Labels.Width(string)</c>; uses are compared member by member.</param>
public sealed record CapabilityUse(Capability Capability, string Symbol, string What, string Member)
{
    /// <summary>The report's words: <c>System.IO.File.Delete (file deletion)</c>.</summary>
    public string Describe() => $"{Symbol} ({What})";
}
