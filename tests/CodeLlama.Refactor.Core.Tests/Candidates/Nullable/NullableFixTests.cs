using CodeLlama.Refactor.Candidates.Nullable;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Nullable;

/// <summary>`fix` on nullable warnings a project treats as errors; the tests run, so they are few.</summary>
[Trait("Category", "EndToEnd")]
public sealed class NullableFixTests
{
    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>
            <WarningsAsErrors>nullable</WarningsAsErrors></PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task QuestionMarksRemoved_WarningsAsErrors_TheTestsChooseBetweenAnnotationAndNullCheck()
    {
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = Library,
            // `FindEmail` and `Greeting(name)` lost their `?`; `Domain` dereferences a parameter that may be null.
            ["Lib/Contacts.cs"] = """
                namespace Lib;

                public sealed class Contacts
                {
                    private readonly Dictionary<string, string> emails = new() { ["ada"] = "ada@example.org" };

                    public void Add(string name, string email)
                    {
                        ArgumentNullException.ThrowIfNull(name);
                        emails[name] = email;
                    }

                    public string FindEmail(string name) => emails.TryGetValue(name, out var email) ? email : null;

                    public static string Greeting(string name) => name is null ? "Hello, guest" : $"Hello, {name}";

                    public string Welcome(string? user)
                    {
                        return Greeting(user);
                    }

                    public static string? Domain(string? email)
                    {
                        return email.Split('@')[1];
                    }
                }
                """,
            ["Lib.Tests/Lib.Tests.csproj"] = TemporarySolution.TestProject,
            // A guard where null is a valid input merely compiles: these tests tell it from the right repair.
            ["Lib.Tests/ContactsTests.cs"] = """
                using Lib;
                using Xunit;

                public class ContactsTests
                {
                    [Fact]
                    public void FindEmail_OfAStranger_IsNull() => Assert.Null(new Contacts().FindEmail("bob"));

                    [Fact]
                    public void Welcome_WithoutAName_GreetsAGuest() => Assert.Equal("Hello, guest", new Contacts().Welcome(null));

                    [Fact]
                    public void Welcome_ByName() => Assert.Equal("Hello, ada", new Contacts().Welcome("ada"));

                    [Fact]
                    public void Domain_OfNoAddress_IsNull() => Assert.Null(Contacts.Domain(null));

                    [Fact]
                    public void Domain_OfAnAddress() => Assert.Equal("example.org", Contacts.Domain("ada@example.org"));
                }
                """,
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        Assert.True(result.IsClean, string.Join("; ", result.Remaining.Select(error => error.Message)));
        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        Assert.Equal(["CS8602", "CS8603", "CS8604"], result.Errors.Select(record => record.Error.Id).Order());
        Assert.All(result.Errors, record => Assert.Equal((FixStatus.Fixed, NullableRepairSource.SourceName), (record.Status, record.Source)));
        var domain = Assert.Single(result.Errors, record => record.Error.Id == "CS8602");
        Assert.Contains(domain.Tried, tried => tried.Title == "Check 'email' for null first (ArgumentNullException.ThrowIfNull)" && tried.Outcome == Verdict.FailedTests);
        var contacts = File.ReadAllText(solution.File("Lib/Contacts.cs")).ReplaceLineEndings("\n");
        Assert.Contains("public string? FindEmail(string name)", contacts);
        Assert.Contains("public static string Greeting(string? name)", contacts);
        Assert.Contains("        if (email is null)\n        {\n            return null;\n        }\n\n        return email.Split('@')[1];", contacts);
        Assert.DoesNotContain("ThrowIfNull(user)", contacts);
        Assert.DoesNotMatch(@"[\w\)]!\.|[\w\)]!;|#pragma|#nullable", contacts);
    }
}
