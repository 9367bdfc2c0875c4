namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>Whether a candidate may be compiled further and its tests run.</summary>
public enum SafetyStatus
{
    /// <summary>It adds nothing the code did not already do.</summary>
    Safe,

    /// <summary>It adds a capability or a security diagnostic, or, from an untrusted source, something the allow-list does not allow.</summary>
    Unsafe,
}

/// <summary>What the safety gate decided, and what decided it.</summary>
/// <param name="Status">Safe or unsafe.</param>
/// <param name="Capability">The capability use the candidate adds, when that is why it is unsafe.</param>
/// <param name="Diagnostic">The security diagnostic it adds, when that is why it is unsafe.</param>
/// <param name="Refusal">What the allow-list gate refused in an untrusted candidate, when that is why it is unsafe.</param>
public sealed record SafetyVerdict(SafetyStatus Status, CapabilityUse? Capability = null, SecurityFinding? Diagnostic = null, Refusal? Refusal = null)
{
    /// <summary>The verdict for a candidate that adds nothing.</summary>
    public static SafetyVerdict Safe { get; } = new(SafetyStatus.Safe);

    /// <summary>True when the candidate may go on.</summary>
    public bool IsSafe => Status == SafetyStatus.Safe;

    /// <summary>What it adds, e.g. <c>adds System.IO.File.Delete (file deletion)</c> or <c>CA5351 (MD5)</c>; null when safe.</summary>
    public string? Detail => (Capability, Diagnostic, Refusal) switch
    {
        ({ } use, _, _) => $"adds {use.Describe()}",
        (_, { } finding, _) => finding.Describe(),
        (_, _, { } refusal) => refusal.Describe(),
        _ => null,
    };

    /// <summary>Why it is unsafe, e.g. <c>unsafe — adds System.IO.File.Delete (file deletion)</c>; null when safe.</summary>
    public string? Reason => Detail is { } detail ? $"unsafe — {detail}" : null;
}
