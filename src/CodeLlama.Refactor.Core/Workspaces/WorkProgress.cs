namespace CodeLlama.Refactor.Workspaces;

/// <summary>How far a long stage has come, for a progress display.</summary>
/// <param name="Stage">What is being done, e.g. "Loading" or "Compiling".</param>
/// <param name="Done">Items finished so far.</param>
/// <param name="Total">Items in all, or 0 when not known in advance.</param>
/// <param name="Item">The item just finished, e.g. a project name.</param>
public sealed record WorkProgress(string Stage, int Done, int Total, string Item);
