using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Targets;

/// <summary>Nullable warnings are repair targets exactly where the project's build fails on them.</summary>
[Trait("Category", "EndToEnd")]
public sealed class NullableWarningsAsErrorsTests
{
    [Theory]
    [InlineData("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", true)]
    [InlineData("<WarningsAsErrors>nullable</WarningsAsErrors>", true)]
    [InlineData("<WarningsAsErrors>CS8603</WarningsAsErrors>", true)]
    [InlineData("", false)]
    public async Task NullReturnedAsNonNullable_IsAnError_OnlyWhenTheProjectTreatsItAsOne(string property, bool isError)
    {
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>{property}</PropertyGroup>
                </Project>
                """,
            ["Lib/Contacts.cs"] = "namespace Lib;\n\npublic static class Contacts\n{\n    public static string Find(string name) => name.Length > 3 ? name : null;\n}\n",
        });

        var result = await CheckPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new CheckOptions());

        Assert.Equal(isError ? ["CS8603"] : [], result.Errors.Select(error => error.Id));
    }
}
