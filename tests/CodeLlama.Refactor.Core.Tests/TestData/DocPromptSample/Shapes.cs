namespace DocPromptSample;

public sealed class Shapes
{
    private readonly List<int> sides = new();

    public int Count => sides.Count;

    public T First<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.First(predicate);
    }

    /// <summary>Adds a side.</summary>
    public void Add(int length, string name)
    {
        sides.Add(length);
    }
}
