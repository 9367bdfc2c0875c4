namespace CodeLlama.Refactor.Bench;

/// <summary>The kinds of build error <c>bench</c> injects: the ones CI really breaks on.</summary>
public enum MutantKind
{
    /// <summary>A deleted <c>;</c>.</summary>
    Syntax,

    /// <summary>A name with one letter dropped.</summary>
    MisspelledName,

    /// <summary>A deleted <c>using</c> directive.</summary>
    MissingUsing,

    /// <summary>A deleted argument that fills a required parameter.</summary>
    MissingArgument,

    /// <summary>Two neighbouring arguments of different types swapped.</summary>
    SwappedArguments,

    /// <summary>A local declared with a type its initializer does not convert to.</summary>
    TypeMismatch,

    /// <summary>The final <c>return</c> of a method deleted.</summary>
    DeletedReturn,

    /// <summary>A local's initializer deleted while the local is read.</summary>
    UnassignedLocal,

    /// <summary>A method or property renamed at its declaration but not where it is used.</summary>
    HalfDoneRename,

    /// <summary>A required parameter added to a method its callers do not pass.</summary>
    SignatureChange,

    /// <summary>An <c>await</c> deleted where its result is used.</summary>
    MissingAwait,

    /// <summary>A local of a value type made nullable (<c>T?</c>) where a <c>T</c> is needed.</summary>
    Nullable,
}

/// <summary>The names of <see cref="MutantKind"/> on the command line and in reports, and the errors each must cause.</summary>
public static class MutantKinds
{
    /// <summary>Every kind, in report order.</summary>
    public static IReadOnlyList<MutantKind> All { get; } = Enum.GetValues<MutantKind>();

    /// <summary>The kind's name: lower case, words joined by '-' (<c>missing-await</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its name.</returns>
    public static string Name(this MutantKind kind) => kind switch
    {
        MutantKind.Syntax => "syntax",
        MutantKind.MisspelledName => "misspelled-name",
        MutantKind.MissingUsing => "missing-using",
        MutantKind.MissingArgument => "missing-argument",
        MutantKind.SwappedArguments => "swapped-arguments",
        MutantKind.TypeMismatch => "type-mismatch",
        MutantKind.DeletedReturn => "deleted-return",
        MutantKind.UnassignedLocal => "unassigned-local",
        MutantKind.HalfDoneRename => "half-done-rename",
        MutantKind.SignatureChange => "signature-change",
        MutantKind.MissingAwait => "missing-await",
        MutantKind.Nullable => "nullable",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mutant kind."),
    };

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A name as <see cref="Name"/> writes it.</param>
    /// <returns>The kind, or null for an unknown name.</returns>
    public static MutantKind? Parse(string name) =>
        All.Cast<MutantKind?>().FirstOrDefault(kind => string.Equals(kind!.Value.Name(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The compiler errors a mutant of <paramref name="kind"/> must be reported with first (csc reports syntax errors
    /// first, then semantic ones in file order); a mutant whose build fails otherwise is dropped.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Error ids.</returns>
    public static IReadOnlyList<string> IntendedErrors(this MutantKind kind) => kind switch
    {
        MutantKind.Syntax => ["CS1002"],
        MutantKind.MisspelledName => ["CS0103", "CS1061", "CS0117"],
        MutantKind.MissingUsing => ["CS0246", "CS0103", "CS1061", "CS0117", "CS1503"],
        MutantKind.MissingArgument => ["CS7036", "CS1501"],
        MutantKind.SwappedArguments => ["CS1503", "CS1502"],
        MutantKind.TypeMismatch => ["CS0029", "CS0266"],
        MutantKind.DeletedReturn => ["CS0161"],
        MutantKind.UnassignedLocal => ["CS0165"],
        MutantKind.HalfDoneRename => ["CS0103", "CS1061", "CS0117"],
        MutantKind.SignatureChange => ["CS7036", "CS1501"],
        MutantKind.MissingAwait => ["CS4016", "CS0029", "CS0266", "CS1061", "CS1503", "CS0019", "CS0023", "CS0030"],
        MutantKind.Nullable => ["CS0266", "CS1503", "CS0029"],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mutant kind."),
    };
}
