using System.Text;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Adds an xunit project to the synthetic solution: one test per method of every component of its last module, each
/// checking the value the generator computes for it, so that a wrong repair fails a test.
/// </summary>
internal static class SyntheticTests
{
    private const int Files = 20;
    private const int ClassesPerFile = 2;
    private const int Methods = 5;

    public static async Task<string> WriteAsync(string root, string solutionPath)
    {
        var module = $"Synthetic.Module{SyntheticSolution.ProjectCount - 1:00}";
        var folder = Path.Combine(root, "Synthetic.Tests");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Synthetic.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup><ProjectReference Include="../{module}/{module}.csproj" /></ItemGroup>
            </Project>
            """);
        var code = new StringBuilder($"using Xunit;\n\nnamespace Synthetic.Tests;\n\npublic sealed class ComponentTests\n{{\n");
        for (var file = 0; file < Files; file++)
        {
            for (var type = 0; type < ClassesPerFile; type++)
            {
                var name = $"Component{file:00}x{type}";
                for (var method = 0; method < Methods; method++)
                {
                    code.Append($"    [Fact]\n    public void {name}_Compute{method}() => Assert.Equal({Expected(name, 7, method, 3)}, new {module}.{name}(7).Compute{method}(3));\n\n");
                }
            }
        }

        File.WriteAllText(Path.Combine(folder, "ComponentTests.cs"), code.Append("}\n").ToString());
        await Measure.ProcessAsync("dotnet", root, "sln", solutionPath, "add", Path.Combine(folder, "Synthetic.Tests.csproj"));
        return folder;
    }

    // The generator's Compute{method}(input) for a component made with `seed`, as SyntheticSolution writes it.
    internal static int Expected(string name, int seed, int method, int input)
    {
        var values = Enumerable.Range(0, 16).Select(i => (seed * 31) + i).ToList();
        var total = input;
        foreach (var value in values)
        {
            total = value % (method + 2) == 0 ? total + value : total - (value / (method + 1));
        }

        return total + values.Count(v => v > input) + name.Length;
    }
}
