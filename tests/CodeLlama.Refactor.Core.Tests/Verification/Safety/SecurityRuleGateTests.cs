using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Verification.Safety;

namespace CodeLlama.Refactor.Core.Tests.Verification.Safety;

/// <summary>
/// The gate with the SDK's own NetAnalyzers: one snippet per family of security rules. The XML rules (CA3061,
/// CA3075–CA3077) run too, but the analyzers report them only for .NET Framework, whose XML readers resolve DTDs by default.
/// </summary>
public sealed class SecurityRuleGateTests
{
    private static readonly string Harmless = SafetySnippet.Method("");

    [Fact]
    public void The_sdks_analyzers_are_found_with_the_security_rules()
    {
        var analyzers = SecurityAnalyzers.Sdk;

        Assert.NotNull(analyzers);
        Assert.Contains("CA5351", analyzers.RuleIds);
        Assert.Contains("CA2300", analyzers.RuleIds);
        Assert.Contains("CA3001", analyzers.RuleIds);
        Assert.Contains("CA3075", analyzers.RuleIds);
        Assert.Contains("CA5394", analyzers.RuleIds);
        Assert.All(analyzers.RuleIds, id => Assert.True(SecurityRules.IsSecurity(id), id));
    }

    [Theory]
    [InlineData("using var hash = MD5.Create();", "CA5351 (broken cryptography: MD5)")]
    [InlineData("using var hash = SHA1.Create();", "CA5350 (weak cryptography: SHA1)")]
    [InlineData("var roll = new Random().Next();", "CA5394 (insecure randomness)")]
    [InlineData("System.Net.ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;", "CA5359 (certificate validation disabled)")]
    [InlineData("#pragma warning disable CA5351\n        using var hash = MD5.Create();", "CA5351 (broken cryptography: MD5)")]
    public async Task Statement_that_adds_a_security_diagnostic_is_unsafe_and_names_the_rule(string statement, string expected)
    {
        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method(statement), Analyzing([Capability.Network]));

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
        Assert.Equal($"unsafe — {expected}", verdict.Reason);
    }

    [Fact]
    public async Task Deserialization_with_binary_formatter_is_unsafe()
    {
        const string statement = "#pragma warning disable SYSLIB0011\n        var graph = new System.Runtime.Serialization.Formatters.Binary.BinaryFormatter().Deserialize(new MemoryStream());";

        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method(statement), Analyzing());

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
        Assert.StartsWith("unsafe — CA230", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injection_of_console_input_into_a_process_command_is_unsafe_even_where_processes_are_allowed()
    {
        const string web = "\nnamespace System.Web { public sealed class HttpRequest { public string Path => \"\"; public string RawUrl => \"\"; } }\n";
        var before = SafetySnippet.Method("").Replace("(string value)\n    {\n", "(string value)\n    {\n        var request = new System.Web.HttpRequest();\n", StringComparison.Ordinal) + web;

        var verdict = await SafetySnippet.JudgeAsync(
            before, before.Replace("return value.Length * 2;", "System.Diagnostics.Process.Start(\"sh\", \"-c \" + request.RawUrl);\n        return value.Length * 2;", StringComparison.Ordinal), Analyzing([Capability.Process]));

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
        Assert.StartsWith("unsafe — CA3006", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostic_the_code_already_had_is_not_added()
    {
        var before = SafetySnippet.Method("using var hash = MD5.Create(); var x = value * 2;");

        var verdict = await SafetySnippet.JudgeAsync(before, SafetySnippet.Method("using var hash = MD5.Create(); var x = value.Length * 2;"), Analyzing());

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Strong_hash_is_safe()
    {
        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("var digest = SHA256.HashData(new byte[] { 1 });"), Analyzing());

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task The_rules_judge_untrusted_candidates_only_by_default()
    {
        var statement = SafetySnippet.Method("var roll = new Random().Next();");

        var trusted = await SafetySnippet.JudgeAsync(Harmless, statement, new SafetyGate([]), trust: CandidateTrust.Trusted);
        var untrusted = await SafetySnippet.JudgeAsync(Harmless, statement, new SafetyGate([]), trust: CandidateTrust.Untrusted);

        Assert.True(trusted.IsSafe, trusted.Reason);
        Assert.Equal("unsafe — CA5394 (insecure randomness)", untrusted.Reason);
    }

    // A gate whose rules judge the snippets' trusted candidates too, so that each rule is seen without the allow-list.
    private static SafetyGate Analyzing(IReadOnlyCollection<Capability>? allowed = null) => new(allowed ?? []) { AnalyzesTrusted = true };
}
