using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>What a write-failure test needs the machine to allow.</summary>
public enum Privilege
{
    /// <summary><c>chattr +i</c> (root).</summary>
    ImmutableFiles,

    /// <summary><c>mount -t tmpfs</c> (root).</summary>
    TmpfsMount,
}

/// <summary>A fact skipped, saying why, where the machine does not allow what it needs.</summary>
public sealed class PrivilegedFactAttribute : FactAttribute
{
    public PrivilegedFactAttribute(Privilege needs)
    {
        var allowed = needs == Privilege.ImmutableFiles ? Privileges.CanMakeImmutable : Privileges.CanMountTmpfs;
        if (!allowed)
        {
            Skip = needs == Privilege.ImmutableFiles ? "chattr +i is not permitted here (needs root)." : "mounting a tmpfs is not permitted here (needs root).";
        }
    }
}
