using Xunit.Abstractions;
using Xunit.Sdk;

namespace CodeLlama.Refactor.Testing.Facts;

/// <summary>
/// Discovers a <see cref="PrerequisiteFactAttribute"/>: as an ordinary fact, or, when its prerequisite is missing under
/// CI, as a test case that fails with the attribute's message (xunit's own <see cref="ExecutionErrorTestCase"/>).
/// </summary>
/// <param name="diagnosticMessageSink">xunit's diagnostic sink.</param>
public sealed class PrerequisiteFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer facts = new(diagnosticMessageSink);

    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(factAttribute);
        return factAttribute.GetNamedArgument<string?>(nameof(PrerequisiteFactAttribute.Failure)) is { } failure
            ? [new ExecutionErrorTestCase(
                diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, failure)]
            : facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
