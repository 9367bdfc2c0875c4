namespace CodeLlama.Refactor.Targets;

/// <summary>Which members must be documented.</summary>
public enum Visibility
{
    /// <summary>Externally visible types and members: the compiler's CS1591 rule.</summary>
    Public,

    /// <summary>Everything that is not private: internal types and members too.</summary>
    All,
}
