namespace CodeLlama.Refactor.Testing;

/// <summary>
/// Waits for a condition instead of sleeping a fixed time before checking it: returns as soon as it holds, and only a
/// bound that a healthy run never reaches (a failure, not a verdict by the clock) ends the wait otherwise.
/// </summary>
public static class Eventually
{
    /// <summary>The bound for conditions that follow from something already done (a killed tree dying out).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="bound"/> (default <see cref="Bound"/>) passes.</summary>
    /// <param name="condition">What the test waits for.</param>
    /// <param name="bound">How long at most.</param>
    /// <returns>Whether the condition held.</returns>
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (bound ?? Bound);
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
