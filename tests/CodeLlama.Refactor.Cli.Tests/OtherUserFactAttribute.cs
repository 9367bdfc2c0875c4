using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>A fact that needs another uid's files (<see cref="OtherUser"/>); skipped, saying why, where this process cannot make them.</summary>
public sealed class OtherUserFactAttribute : FactAttribute
{
    public OtherUserFactAttribute()
    {
        if (!OtherUser.IsAvailable)
        {
            Skip = $"Needs root and setpriv, to create files as uid {OtherUser.Id}.";
        }
    }
}
