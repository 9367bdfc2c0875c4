namespace Geometry;

/// <summary>A closed figure in the plane.</summary>
public interface IShape
{
    /// <summary>Gets the area enclosed by the shape.</summary>
    double Area { get; }

    /// <summary>Scales the shape by a factor.</summary>
    /// <param name="factor">How much larger the result is.</param>
    /// <returns>The scaled shape.</returns>
    IShape Scale(double factor);
}
