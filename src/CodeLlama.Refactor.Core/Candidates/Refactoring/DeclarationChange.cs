namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>What a change did to one method's declaration; several at once for a method renamed and retyped.</summary>
[Flags]
internal enum DeclarationChangeKinds
{
    None = 0,
    Renamed = 1,
    ParameterAdded = 2,
    ParameterRemoved = 4,
    ParameterRetyped = 8,
    ReturnTypeChanged = 16,
}

/// <summary>One parameter as declared.</summary>
/// <param name="Type">Its type as written.</param>
/// <param name="Name">Its name.</param>
/// <param name="Default">Its default value as written, or null.</param>
internal sealed record ParameterShape(string Type, string Name, string? Default);

/// <summary>A method's declaration as written: where it is, its name and signature.</summary>
/// <param name="TypeName">The containing type, namespace-qualified, nested types joined by dots.</param>
/// <param name="InInterface">Whether the containing type is an interface.</param>
/// <param name="Name">The method's name.</param>
/// <param name="ReturnType">The return type as written.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="ParameterList">The parameter list as written, parentheses included, to put it back.</param>
internal sealed record MethodShape(string TypeName, bool InInterface, string Name, string ReturnType, IReadOnlyList<ParameterShape> Parameters, string ParameterList);

/// <summary>One method declaration a change altered: its shape before and after.</summary>
/// <param name="Kinds">What changed.</param>
/// <param name="Before">The declaration at the base of the change.</param>
/// <param name="After">The declaration as it is now.</param>
internal sealed record DeclarationChange(DeclarationChangeKinds Kinds, MethodShape Before, MethodShape After)
{
    /// <summary>The parameters the change added, with their positions in <see cref="After"/>.</summary>
    public IReadOnlyList<(int Index, ParameterShape Parameter)> Added =>
        [.. After.Parameters.Select((parameter, index) => (index, parameter)).Where(entry => !Before.Parameters.Any(old => old.Name == entry.parameter.Name))];

    /// <summary>The parameters the change gave another type, by name: their positions in <see cref="Before"/> and in <see cref="After"/>.</summary>
    public IReadOnlyList<(int Before, int After)> Retyped =>
        [.. After.Parameters.Select((parameter, index) => (Before: Before.Parameters.ToList().FindIndex(old => old.Name == parameter.Name && old.Type != parameter.Type), After: index))
            .Where(entry => entry.Before >= 0)];

    /// <summary>The positions in <see cref="Before"/> of the parameters the change removed.</summary>
    public IReadOnlyList<int> Removed =>
        [.. Before.Parameters.Select((parameter, index) => (index, parameter)).Where(entry => !After.Parameters.Any(now => now.Name == entry.parameter.Name)).Select(entry => entry.index)];
}
