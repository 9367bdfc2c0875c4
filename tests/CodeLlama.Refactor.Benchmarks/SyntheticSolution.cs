using System.Text;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Writes a solution of about 50,000 lines over 12 class libraries, each referencing the one before it, with the
/// shapes real code has: classes with fields, properties, methods with loops and LINQ, some undocumented members.
/// </summary>
internal static class SyntheticSolution
{
    public const int ProjectCount = 12;
    private const int FilesPerProject = 20;
    private const int ClassesPerFile = 2;
    private const int MethodsPerClass = 5;

    public static async Task<string> WriteAsync(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        for (var project = 0; project < ProjectCount; project++)
        {
            var name = $"Synthetic.Module{project:00}";
            var folder = Path.Combine(root, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".csproj"), ProjectFile(project));
            for (var file = 0; file < FilesPerProject; file++)
            {
                File.WriteAllText(Path.Combine(folder, $"Unit{file:00}.cs"), SourceFile(project, file));
            }

        }

        await Measure.ProcessAsync("dotnet", root, "new", "sln", "--name", "Synthetic", "--format", "sln");
        await Measure.ProcessAsync("dotnet", root, ["sln", "Synthetic.sln", "add", .. Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)]);
        return Path.Combine(root, "Synthetic.sln");
    }

    public static int CountLines(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Sum(path => File.ReadLines(path).Count());

    private static string ProjectFile(int project)
    {
        var reference = project == 0
            ? ""
            : $"  <ItemGroup>\n    <ProjectReference Include=\"../Synthetic.Module{project - 1:00}/Synthetic.Module{project - 1:00}.csproj\" />\n  </ItemGroup>\n";
        return "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n"
            + "    <Nullable>enable</Nullable>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n" + reference + "</Project>\n";
    }

    internal static string SourceFile(int project, int file)
    {
        var code = new StringBuilder($"namespace Synthetic.Module{project:00};\n\n");
        for (var type = 0; type < ClassesPerFile; type++)
        {
            var name = $"Component{file:00}x{type}";
            var baseUse = project == 0 ? "0" : $"new Synthetic.Module{project - 1:00}.Component{file:00}x{type}(seed).Compute0(seed)";
            code.Append($$"""
                /// <summary>A synthetic component.</summary>
                public sealed class {{name}}
                {
                    private readonly List<int> values = new();
                    private readonly int seed;

                    public {{name}}(int seed)
                    {
                        this.seed = seed;
                        for (var i = 0; i < 16; i++)
                        {
                            values.Add((seed * 31) + i);
                        }
                    }

                    public int Seed => seed;

                    public string Label { get; set; } = "{{name}}";

                    public int FromLowerModule() => {{baseUse}};

                """);
            for (var method = 0; method < MethodsPerClass; method++)
            {
                code.Append($$"""
                        public int Compute{{method}}(int input)
                        {
                            var total = input;
                            foreach (var value in values)
                            {
                                if (value % {{method + 2}} == 0)
                                {
                                    total += value;
                                }
                                else
                                {
                                    total -= value / {{method + 1}};
                                }
                            }

                            var filtered = values.Where(v => v > input).Select(v => v * {{method + 1}}).ToList();
                            return total + filtered.Count + Label.Length;
                        }

                    """);
            }

            code.Append("}\n\n");
        }

        return code.ToString();
    }
}
