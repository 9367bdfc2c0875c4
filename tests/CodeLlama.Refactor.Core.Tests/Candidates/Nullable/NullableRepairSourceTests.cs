using CodeLlama.Refactor.Candidates.Nullable;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Nullable;

public sealed class NullableRepairSourceTests
{
    [Fact]
    public async Task NullReturned_CS8603_TheReturnTypeBecomesNullable()
    {
        var snippet = await CandidateSnippet.RepairAsync(new NullableRepairSource(), "CS8603", """
            public sealed class Contacts
            {
                public string Find(string name) => name.Length > 3 ? name : null;
            }
            """);

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Declare 'Find' as nullable ('string?')", candidate.Title);
        Assert.Contains("public string? Find(string name)", await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task OverrideLostTheBasesQuestionMark_CS8765_TheParameterTakesItBack()
    {
        var snippet = await CandidateSnippet.RepairAsync(new NullableRepairSource(), "CS8765", """
            public sealed class Release
            {
                public override bool Equals(object obj) => obj is Release;

                public override int GetHashCode() => 0;
            }
            """);

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Declare 'obj' as nullable ('object?')", candidate.Title);
        Assert.Contains("public override bool Equals(object? obj)", await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task ImplementationLostTheInterfacesQuestionMark_CS8767_OnlyThatParameterTakesIt()
    {
        var snippet = await CandidateSnippet.RepairAsync(new NullableRepairSource(), "CS8767", """
            public interface ILookup
            {
                string Find(string key, string? fallback);
            }

            public sealed class Table : ILookup
            {
                public string Find(string key, string fallback) => fallback ?? key;
            }
            """);

        var candidate = Assert.Single(snippet.Candidates);
        Assert.Equal("Declare 'fallback' as nullable ('string?')", candidate.Title);
        Assert.Contains("public string Find(string key, string? fallback)", await snippet.CompiledTextAsync(candidate));
    }

    [Fact]
    public async Task PossiblyNullArgument_CS8604_AnnotatesTheParameterInItsFile_OrChecksWithTheProjectsThrowIfNull()
    {
        var snippet = await CandidateSnippet.RepairAsync(
            new NullableRepairSource(),
            "CS8604",
            ("Greeter.cs", "public static class Greeter\n{\n    public static string Greet(string name) => name is null ? \"Hello, guest\" : $\"Hello, {name}\";\n}\n"),
            ("Front.cs", """
                public sealed class Front
                {
                    public string Welcome(string? user)
                    {
                        return Greeter.Greet(user);
                    }
                }
                """),
            ("Store.cs", "public sealed class Store\n{\n    public void Add(string key)\n    {\n        System.ArgumentNullException.ThrowIfNull(key);\n    }\n}\n"));

        Assert.Equal(["Declare 'name' as nullable ('string?')", "Check 'user' for null first (ArgumentNullException.ThrowIfNull)"], snippet.Titles);
        Assert.Contains("Greet(string? name)", await snippet.CompiledTextAsync(snippet.Candidates[0], "Greeter.cs"));
        Assert.Contains(
            "    {\n        System.ArgumentNullException.ThrowIfNull(user);\n\n        return Greeter.Greet(user);",
            await snippet.CompiledTextAsync(snippet.Candidates[1], "Front.cs"));
    }

    [Fact]
    public async Task Dereference_CS8602_UsesTheGuardTheFileCalls_AndAnEarlyReturnWhereTheMethodReturnsNullable()
    {
        var snippet = await CandidateSnippet.RepairAsync(new NullableRepairSource(), "CS8602", """
            using System.Diagnostics.CodeAnalysis;

            public static class Guard
            {
                public static void NotNull([NotNull] object? value, string name)
                {
                    if (value is null)
                    {
                        throw new System.ArgumentException("missing", name);
                    }
                }
            }

            public static class Labels
            {
                public static string Upper(string? text)
                {
                    Guard.NotNull(text, nameof(text));
                    return text.ToUpperInvariant();
                }

                public static string? Trimmed(string? label)
                {
                    return label.Trim();
                }
            }
            """);

        Assert.Equal(["Check 'label' for null first (Guard.NotNull)", "Check 'label' for null first (early return)"], snippet.Titles);
        Assert.Contains("        Guard.NotNull(label, nameof(label));\n\n        return label.Trim();", await snippet.CompiledTextAsync(snippet.Candidates[0]));
        Assert.Contains("        if (label is null)\n        {\n            return null;\n        }\n\n        return label.Trim();", await snippet.CompiledTextAsync(snippet.Candidates[1]));
    }

    [Theory]
    [InlineData("CS8618", "public sealed class Person\n{\n    public string Nickname { get; set; }\n}\n", "public string? Nickname { get; set; }")]
    [InlineData("CS8618", "public sealed class Person\n{\n    private string nickname;\n\n    public Person(int age) => Age = age;\n\n    public int Age { get; }\n\n    public string Nick() => nickname ?? \"none\";\n}\n", "private string? nickname;")]
    [InlineData("CS8625", "public static class Person\n{\n    public static int Count(string name = null) => name?.Length ?? 0;\n}\n", "Count(string? name = null)")]
    [InlineData("CS8600", "public static class Person\n{\n    public static string? Find() => null;\n\n    public static int Count()\n    {\n        string name = Find();\n        return name?.Length ?? 0;\n    }\n}\n", "string? name = Find();")]
    [InlineData("CS8601", "public sealed class Person\n{\n    private string name = \"\";\n\n    public void Rename(string? newName) => name = newName;\n\n    public int Count() => name?.Length ?? 0;\n}\n", "private string? name = \"\";")]
    [InlineData("CS8601", "public static class Person\n{\n    private static bool TryFind(out string? name)\n    {\n        name = null;\n        return false;\n    }\n\n    public static bool Find(out string name) => TryFind(out name);\n}\n", "public static bool Find(out string? name)")]
    public async Task ValueMayBeNull_TheDeclarationItFlowsIntoBecomesNullable(string id, string code, string expected)
    {
        var snippet = await CandidateSnippet.RepairAsync(new NullableRepairSource(), id, code);

        Assert.Contains(expected, await snippet.CompiledTextAsync(snippet.Candidates[0]));
    }

    [Fact]
    public async Task WithoutACheckTheProjectWrites_NothingIsOffered()
    {
        var snippet = await CandidateSnippet.RepairAsync(new NullableRepairSource(), "CS8602", """
            public static class Labels
            {
                public static int Length(string? text)
                {
                    return text.Length;
                }
            }
            """);

        Assert.Empty(snippet.Candidates);
    }
}
