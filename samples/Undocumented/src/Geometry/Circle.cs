namespace Geometry;

public class Circle : IShape
{
    public const double FullTurn = 2 * Math.PI;

    public Circle(Point center, double radius)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        Center = center;
        Radius = radius;
    }

    public Point Center { get; }

    public double Radius { get; }

    public bool IsDegenerate => Radius == 0;

    public double Area => Math.PI * Radius * Radius;

    public IShape Scale(double factor) => new Circle(Center, Radius * factor);

    public bool Contains(Point point) => Center.DistanceTo(point) <= Radius;

    public override string ToString() => $"Circle({Center}, {Radius})";

    protected virtual double Circumference() => FullTurn * Radius;
}
