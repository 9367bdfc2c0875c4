namespace CodeLlama.Refactor.Testing;

/// <summary>A small solution written to a temporary folder from file texts, for scenarios the samples do not cover.</summary>
public sealed class TemporarySolution : IDisposable
{
    private const string Library = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
        </Project>
        """;

    /// <summary>An xunit test project referencing <c>../Lib/Lib.csproj</c>, the one <see cref="Create"/> writes.</summary>
    public const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
          <ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup>
        </Project>
        """;

    private TemporarySolution(string directory) => Directory = directory;

    /// <summary>The solution's folder.</summary>
    public string Directory { get; }

    /// <summary>The library <paramref name="libraryFiles"/> with one test that writes <paramref name="marker"/> into its output folder, then sleeps for minutes.</summary>
    public static TemporarySolution WithSlowTest(string marker, IReadOnlyDictionary<string, string> libraryFiles) => Create(
        libraryFiles,
        new Dictionary<string, string>
        {
            ["OrderTests.cs"] = $$"""
                using Xunit;

                public class OrderTests
                {
                    [Fact]
                    public void Slow()
                    {
                        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "{{marker}}"), "");
                        Thread.Sleep(TimeSpan.FromMinutes(5));
                    }
                }
                """,
        });

    /// <summary>
    /// Writes a library <c>Lib</c> holding <paramref name="libraryFiles"/> and, when <paramref name="testFiles"/> are
    /// given, an xunit project <c>Lib.Tests</c> referencing it, outside the repository's build settings.
    /// </summary>
    public static TemporarySolution Create(IReadOnlyDictionary<string, string> libraryFiles, IReadOnlyDictionary<string, string>? testFiles = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-tests", Guid.NewGuid().ToString("N"));
        Write(root, "Directory.Build.props", "<Project />\n");
        Write(root, "Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        Write(root, "Lib/Lib.csproj", Library);
        foreach (var (name, text) in libraryFiles)
        {
            Write(root, $"Lib/{name}", text);
        }

        var projects = new List<(string Name, string Path, string Guid)> { ("Lib", "Lib\\Lib.csproj", "11111111-1111-1111-1111-111111111111") };
        if (testFiles is not null)
        {
            Write(root, "Lib.Tests/Lib.Tests.csproj", TestProject);
            foreach (var (name, text) in testFiles)
            {
                Write(root, $"Lib.Tests/{name}", text);
            }

            projects.Add(("Lib.Tests", "Lib.Tests\\Lib.Tests.csproj", "22222222-2222-2222-2222-222222222222"));
        }

        Write(root, "App.sln", SolutionFile(projects));
        return new TemporarySolution(root);
    }

    /// <summary>
    /// Writes <paramref name="files"/> (project files included) and a solution <c>App.sln</c> holding every
    /// <c>.csproj</c> among them, outside the repository's build settings: for layouts the library-and-tests shape does
    /// not cover (several target frameworks, linked files, build properties).
    /// </summary>
    public static TemporarySolution FromFiles(IReadOnlyDictionary<string, string> files)
    {
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-tests", Guid.NewGuid().ToString("N"));
        Write(root, "Directory.Build.props", "<Project />\n");
        Write(root, "Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        foreach (var (name, text) in files)
        {
            Write(root, name, text);
        }

        var projects = files.Keys.Where(name => name.EndsWith(".csproj", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select((name, index) => (Path.GetFileNameWithoutExtension(name), name.Replace('/', '\\'), $"{index + 1:D8}-1111-1111-1111-111111111111"))
            .ToList();
        Write(root, "App.sln", SolutionFile(projects));
        return new TemporarySolution(root);
    }

    /// <summary>The absolute path of a file of the solution.</summary>
    public string File(string relativePath) => Path.Combine(Directory, relativePath);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
        }
    }

    private static string SolutionFile(IReadOnlyList<(string Name, string Path, string Guid)> projects) =>
        "Microsoft Visual Studio Solution File, Format Version 12.00\n"
        + string.Concat(projects.Select(project =>
            $"Project(\"{{9A19103F-16F7-4668-BE54-9A1E7A4F7556}}\") = \"{project.Name}\", \"{project.Path}\", \"{{{project.Guid}}}\"\nEndProject\n"))
        + "Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n"
        + "\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n"
        + string.Concat(projects.Select(project =>
            $"\t\t{{{project.Guid}}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{{{project.Guid}}}.Debug|Any CPU.Build.0 = Debug|Any CPU\n"))
        + "\tEndGlobalSection\nEndGlobal\n";

    private static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }
}
