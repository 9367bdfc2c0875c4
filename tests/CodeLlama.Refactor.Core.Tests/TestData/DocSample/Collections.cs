namespace DocSample;

public static class EnumerableExtensions
{
    public static IReadOnlyList<T> ToReadOnlyList<T>(this IEnumerable<T>? source)
    {
        var items = source ?? throw new ArgumentNullException(nameof(source));
        return items.ToList();
    }

    public static bool IsEmpty<T>(this IEnumerable<T> source) => !source.Any();

    public static bool TryFirst<T>(this IEnumerable<T> source, out T? value)
    {
        foreach (var item in source)
        {
            value = item;
            return true;
        }

        value = default;
        return false;
    }
}

public sealed class Cache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> entries = [];

    public int Count => entries.Count;

    public bool TryGetValue(TKey key, out TValue? value) => entries.TryGetValue(key, out value);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!entries.TryGetValue(key, out var value))
        {
            entries[key] = value = factory(key);
        }

        return value;
    }

    public void Clear() => entries.Clear();
}

public sealed class WindowStore : IWindowStore
{
    private readonly Cache<string, Window> windows = new();

    public Task<Window?> FindAsync(string title, CancellationToken cancellationToken) =>
        Task.FromResult(windows.TryGetValue(title, out var window) ? window : null);

    public Task SaveAsync(Window window, CancellationToken cancellationToken)
    {
        windows.GetOrAdd(window.Title, _ => window);
        return Task.CompletedTask;
    }

    /// <summary>Finds the window with the given title, or creates one.</summary>
    /// <param name="title">The title to look for.</param>
    /// <returns>The window found or created.</returns>
    public Window FindOrCreate(string title) => windows.GetOrAdd(title, key => new Window(key, 0));

    public Window FindOrCreate(string title, int width) => windows.GetOrAdd(title, key => new Window(key, width));

    /// <summary>Removes every window.</summary>
    public int RemoveAll(bool keepOpen)
    {
        var count = windows.Count;
        windows.Clear();
        return count;
    }
}
