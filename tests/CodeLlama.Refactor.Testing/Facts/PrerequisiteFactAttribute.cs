using Xunit;
using Xunit.Sdk;

namespace CodeLlama.Refactor.Testing.Facts;

/// <summary>
/// A fact that needs a tool the machine may lack. Outside CI a missing tool skips it, saying why; under <c>CI=true</c>
/// it fails instead, because <c>.ci/run</c> installs every such tool and a green run must mean the fact was checked.
/// </summary>
[XunitTestCaseDiscoverer("CodeLlama.Refactor.Testing.Facts.PrerequisiteFactDiscoverer", "CodeLlama.Refactor.Testing")]
public abstract class PrerequisiteFactAttribute : FactAttribute
{
    /// <summary>Skips the fact when <paramref name="missing"/> is not null, or fails it under CI.</summary>
    /// <param name="missing">What the machine lacks, as a sentence; null when it has everything.</param>
    protected PrerequisiteFactAttribute(string? missing)
        : this(missing, Prerequisites.RequiredByCi)
    {
    }

    /// <summary>Skips or fails the fact when <paramref name="missing"/> is not null.</summary>
    /// <param name="missing">What the machine lacks, as a sentence; null when it has everything.</param>
    /// <param name="requiredByCi">Whether a missing prerequisite fails the fact rather than skipping it.</param>
    protected PrerequisiteFactAttribute(string? missing, bool requiredByCi)
    {
        if (missing is null)
        {
            return;
        }

        if (requiredByCi)
        {
            Failure = $"{missing} CI=true requires it: .ci/run installs it, so its absence is a failure, not a skip.";
        }
        else
        {
            Skip = missing;
        }
    }

    /// <summary>Why the fact fails without running; null when it runs or is skipped.</summary>
    public string? Failure { get; }
}
