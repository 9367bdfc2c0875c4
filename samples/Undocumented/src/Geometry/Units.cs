namespace Geometry;

public enum Unit
{
    Millimetre,
    Centimetre,
    Metre,
}

public static class UnitExtensions
{
    public static double ToMetres(this double value, Unit unit) => unit switch
    {
        Unit.Millimetre => value / 1000,
        Unit.Centimetre => value / 100,
        Unit.Metre => value,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}

public class Registry<TShape>
    where TShape : IShape
{
    private readonly Dictionary<string, TShape> shapes = new();

    public void Register(string name, TShape shape) => shapes[name] = shape;

    public bool TryFind(string name, out TShape? shape) => shapes.TryGetValue(name, out shape);

    public TResult Aggregate<TResult>(TResult seed, Func<TResult, TShape, TResult> combine) =>
        shapes.Values.Aggregate(seed, combine);
}

internal static class Tolerance
{
    public const double Epsilon = 1e-9;

    public static bool AreClose(double left, double right) => Math.Abs(left - right) < Epsilon;
}
