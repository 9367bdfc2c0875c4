namespace DocSample;

public sealed class Window : IEquatable<Window>
{
    public const int MaxWidth = 4096;

    public static readonly Window Empty = new("", 0);

    /// <summary>Creates a window.</summary>
    /// <param name="title">The text shown in the window's title bar.</param>
    /// <param name="width">The width in pixels.</param>
    public Window(string title, int width)
    {
        Title = title ?? throw new ArgumentNullException(nameof(title));
        Width = width;
    }

    public event EventHandler<WindowMovedEventArgs>? Moved;

    public string Title { get; }

    public int Width { get; set; }

    public bool IsOpen { get; private set; }

    public bool HasTitle => Title.Length > 0;

    public WindowState State { get; set; }

    public char this[int index] => Title[index];

    public Window WithTitle(string title) => new(title, Width);

    public static Window FromWidth(int width) => new("", width);

    public void Open() => IsOpen = true;

    public void Resize(int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWidth);
        Width = width;
    }

    public void MoveTo(int left, int top) => Moved?.Invoke(this, new WindowMovedEventArgs(left, top));

    public static string Describe(WindowState state) => state switch
    {
        WindowState.Normal => "normal",
        WindowState.Minimized => "minimized",
        WindowState.Maximized => "maximized",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public bool Equals(Window? other) => other is not null && Title == other.Title && Width == other.Width;

    public override bool Equals(object? obj) => Equals(obj as Window);

    public override int GetHashCode() => HashCode.Combine(Title, Width);

    public static bool operator ==(Window? left, Window? right) => Equals(left, right);

    public static bool operator !=(Window? left, Window? right) => !Equals(left, right);

    public static Window operator +(Window window, int extra) => new(window.Title, window.Width + extra);

    public static implicit operator string(Window window) => window.Title;
}
