using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>How many C# projects a solution file lists: the total that loading progress counts towards.</summary>
internal static class SolutionProjectCount
{
    /// <summary>The C# projects <paramref name="path"/> lists, 1 for a project file, 0 when the file cannot be read here.</summary>
    public static async Task<int> OfAsync(SolutionPath path, CancellationToken cancellationToken)
    {
        if (path.Kind == SolutionPathKind.Project)
        {
            return 1;
        }

        // The same reader MSBuildWorkspace uses; a file it cannot read is reported by the load itself.
        var serializer = SolutionSerializers.GetSerializerByMoniker(path.FullPath);
        if (serializer is null)
        {
            return 0;
        }

        try
        {
            var solution = await serializer.OpenAsync(path.FullPath, cancellationToken).ConfigureAwait(false);
            return solution.SolutionProjects.Count(project => project.FilePath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return 0;
        }
    }
}
