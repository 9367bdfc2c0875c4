using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Testing;

/// <summary>Keeps every progress report as it is made (Progress&lt;T&gt; reports on the thread pool, possibly after the work returned).</summary>
public sealed class ProgressReports : IProgress<WorkProgress>
{
    private readonly List<WorkProgress> reports = [];

    /// <summary>The reports so far, in order.</summary>
    public IReadOnlyList<WorkProgress> All
    {
        get
        {
            lock (reports)
            {
                return [.. reports];
            }
        }
    }

    public void Report(WorkProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
