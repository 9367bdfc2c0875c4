namespace CodeLlama.Refactor.Core.Tests.Workspaces;

/// <summary>
/// A one-project library that uses a NuGet package, in a temporary folder outside the repository's build settings.
/// Newtonsoft.Json 13.0.0 is not served by the feed, so restoring it takes 13.0.1 with warning NU1603; 13.0.1 itself
/// restores without a warning.
/// </summary>
internal sealed class PackageProject : IDisposable
{
    public const string Source = """
        namespace Lib;

        /// <summary>Writes JSON.</summary>
        public static class Json
        {
            /// <summary>The JSON text of a value.</summary>
            /// <param name="value">The value.</param>
            /// <returns>Its JSON.</returns>
            public static string Write(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
        }
        """;

    private PackageProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "Lib.csproj");

    public static PackageProject Create(string packageVersion, string source = Source)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("package-project-").FullName;
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(directory, "Lib.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><GenerateDocumentationFile>true</GenerateDocumentationFile></PropertyGroup>
              <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="{packageVersion}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Json.cs"), source);
        return new PackageProject(directory);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
