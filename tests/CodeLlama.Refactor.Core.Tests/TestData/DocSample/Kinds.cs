namespace DocSample;

public enum WindowState
{
    Normal,
    Minimized,
    Maximized,
}

public sealed class WindowMovedEventArgs(int left, int top) : EventArgs
{
    public int Left { get; } = left;

    public int Top { get; } = top;
}

public sealed class WindowException : Exception
{
    public WindowException(string message)
        : base(message)
    {
    }
}

public record WindowSize(int Width, int Height);

public delegate Task<TResult> RequestHandler<TResult>(string request, CancellationToken cancellationToken);

public interface IWindowStore
{
    Task<Window?> FindAsync(string title, CancellationToken cancellationToken);

    Task SaveAsync(Window window, CancellationToken cancellationToken);
}
