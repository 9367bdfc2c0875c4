using System.Text;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// The library of the <c>fix-e2e</c> benchmark: one class library of about 2,000 lines (the synthetic solution's
/// components) and an xunit project of about 200 tests that pin every method's value, so that a wrong repair fails.
/// </summary>
internal static class FixEndToEndSolution
{
    private const int Files = 8;
    private const int ClassesPerFile = 2;
    private const int Methods = 5;
    private static readonly int[] Inputs = [3, 11];

    /// <summary>The file the benchmark breaks, relative to the solution's folder.</summary>
    public const string BrokenFile = "Library/Unit03.cs";

    /// <summary>Writes the solution under <paramref name="root"/> and returns its path.</summary>
    public static async Task<string> WriteAsync(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        var library = Path.Combine(root, "Library");
        Directory.CreateDirectory(library);
        File.WriteAllText(Path.Combine(library, "Library.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><RootNamespace>Synthetic.Module00</RootNamespace></PropertyGroup>
            </Project>
            """);
        for (var file = 0; file < Files; file++)
        {
            File.WriteAllText(Path.Combine(library, $"Unit{file:00}.cs"), SyntheticSolution.SourceFile(0, file));
        }

        var tests = Path.Combine(root, "Library.Tests");
        Directory.CreateDirectory(tests);
        File.WriteAllText(Path.Combine(tests, "Library.Tests.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup><ProjectReference Include="../Library/Library.csproj" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(tests, "ComponentTests.cs"), TestFile());
        await Measure.ProcessAsync("dotnet", root, "new", "sln", "--name", "Library", "--format", "sln");
        await Measure.ProcessAsync("dotnet", root, "sln", "Library.sln", "add", Path.Combine(library, "Library.csproj"), Path.Combine(tests, "Library.Tests.csproj"));
        return Path.Combine(root, "Library.sln");
    }

    /// <summary>The broken file's text with one misspelt local, the error a developer makes and repairs by hand.</summary>
    public static string Break(string original)
    {
        const string correct = "total += value;";
        var at = original.IndexOf(correct, original.IndexOf("Compute2", StringComparison.Ordinal), StringComparison.Ordinal);
        return original[..at] + "total += valeu;" + original[(at + correct.Length)..];
    }

    private static string TestFile()
    {
        var code = new StringBuilder("using Xunit;\n\nnamespace Library.Tests;\n\npublic sealed class ComponentTests\n{\n");
        for (var file = 0; file < Files; file++)
        {
            for (var type = 0; type < ClassesPerFile; type++)
            {
                var name = $"Component{file:00}x{type}";
                code.Append($"    [Fact]\n    public void {name}_Label() => Assert.Equal(\"{name}\", new Synthetic.Module00.{name}(7).Label);\n\n");
                code.Append($"    [Fact]\n    public void {name}_Seed() => Assert.Equal(7, new Synthetic.Module00.{name}(7).Seed);\n\n");
                for (var method = 0; method < Methods; method++)
                {
                    foreach (var input in Inputs)
                    {
                        code.Append($"    [Fact]\n    public void {name}_Compute{method}_{input}() => Assert.Equal({SyntheticTests.Expected(name, 7, method, input)}, new Synthetic.Module00.{name}(7).Compute{method}({input}));\n\n");
                    }
                }
            }
        }

        return code.Append("}\n").ToString();
    }
}
