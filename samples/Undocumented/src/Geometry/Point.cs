namespace Geometry;

public readonly record struct Point(double X, double Y)
{
    public static readonly Point Origin = new(0, 0);

    public double DistanceTo(Point other) => Math.Sqrt(Math.Pow(X - other.X, 2) + Math.Pow(Y - other.Y, 2));

    public static Point operator +(Point left, Point right) => new(left.X + right.X, left.Y + right.Y);

    public static implicit operator Point((double X, double Y) pair) => new(pair.X, pair.Y);
}

public sealed record Segment(Point Start, Point End)
{
    public double Length => Start.DistanceTo(End);
}
