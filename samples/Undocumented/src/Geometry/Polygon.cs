namespace Geometry;

public sealed class Polygon : IShape
{
    private readonly List<Point> vertices;

    public Polygon(IEnumerable<Point> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        this.vertices = vertices.ToList();
        if (this.vertices.Count < 3)
        {
            throw new ArgumentException("A polygon needs at least three vertices.", nameof(vertices));
        }
    }

    public event EventHandler<Point>? VertexMoved;

    public int Count => vertices.Count;

    public Point this[int index]
    {
        get => vertices[index];
        set
        {
            vertices[index] = value;
            VertexMoved?.Invoke(this, value);
        }
    }

    public double Area
    {
        get
        {
            double sum = 0;
            for (var i = 0; i < vertices.Count; i++)
            {
                var next = vertices[(i + 1) % vertices.Count];
                sum += (vertices[i].X * next.Y) - (next.X * vertices[i].Y);
            }

            return Math.Abs(sum) / 2;
        }
    }

    /// <summary>Scales every vertex away from the origin.</summary>
    public IShape Scale(double factor) => new Polygon(vertices.Select(vertex => new Point(vertex.X * factor, vertex.Y * factor)));

    public async Task<double> PerimeterAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return vertices.Select((vertex, i) => vertex.DistanceTo(vertices[(i + 1) % vertices.Count])).Sum();
    }
}
