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

/// <summary>A fact about the bubblewrap sandbox; skipped where <c>bwrap</c> is not installed.</summary>
public sealed class BubblewrapFactAttribute : FactAttribute
{
    public BubblewrapFactAttribute()
    {
        if (BubblewrapSandbox.TryCreate() is null)
        {
            Skip = "Needs bubblewrap (bwrap) on PATH; .ci/run installs it.";
        }
    }
}

/// <summary>A fact about the unshare sandbox; skipped where <c>unshare</c> or <c>ip</c> is missing.</summary>
public sealed class UnshareFactAttribute : FactAttribute
{
    public UnshareFactAttribute()
    {
        if (UnshareSandbox.TryCreate() is null)
        {
            Skip = "Needs unshare and ip (util-linux, iproute2).";
        }
    }
}
