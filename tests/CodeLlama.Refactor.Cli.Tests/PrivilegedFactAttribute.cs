using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>A fact that needs root to make a file immutable and mount a tmpfs; skipped, saying why, elsewhere.</summary>
public sealed class PrivilegedFactAttribute : FactAttribute
{
    public PrivilegedFactAttribute()
    {
        if (!Privileges.CanMakeImmutable || !Privileges.CanMountTmpfs)
        {
            Skip = "chattr +i and mount -t tmpfs are not permitted here (needs root on Linux).";
        }
    }
}
