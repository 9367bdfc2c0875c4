using CodeLlama.Refactor.Testing.Facts;
using CodeLlama.Refactor.Verification.Sandbox;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

/// <summary>A fact about Linux namespaces, /proc or Unix file modes; skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux.";
        }
    }
}

/// <summary>A fact about the bubblewrap sandbox; skipped where <c>bwrap</c> is not installed, and failed there under CI.</summary>
public sealed class BubblewrapFactAttribute()
    : PrerequisiteFactAttribute(BubblewrapSandbox.TryCreate() is null ? "Needs bubblewrap (bwrap) on PATH." : null);

/// <summary>A fact about the unshare sandbox; skipped where <c>unshare</c> or <c>ip</c> is missing, and failed there under CI.</summary>
public sealed class UnshareFactAttribute()
    : PrerequisiteFactAttribute(UnshareSandbox.TryCreate() is null ? "Needs unshare and ip (util-linux, iproute2)." : null);
