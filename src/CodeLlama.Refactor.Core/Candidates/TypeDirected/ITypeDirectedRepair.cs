namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>The repairs of one class of errors, built from the semantic model.</summary>
internal interface ITypeDirectedRepair
{
    /// <summary>The compiler's ids of the errors it repairs.</summary>
    IReadOnlyCollection<string> ErrorIds { get; }

    /// <summary>The candidates for the error at <paramref name="site"/>, best first.</summary>
    IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken);
}
