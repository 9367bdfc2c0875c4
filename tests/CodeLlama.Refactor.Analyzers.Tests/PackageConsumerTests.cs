using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>The packed nupkg, consumed from a local folder by a real project in a real <c>dotnet build</c>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class PackageConsumerTests
{
    [Fact]
    public async Task A_project_that_installs_the_package_gets_clrf0001_with_severities_from_its_editorconfig()
    {
        var packageFolder = Path.Combine(Samples.RepositoryRoot, "analyzers", "CodeLlama.Refactor.Analyzers.Package", "bin", Configuration());
        Assert.True(File.Exists(Path.Combine(packageFolder, "CodeLlama.Refactor.Analyzers.0.1.0.nupkg")), $"no package in {packageFolder}");
        var root = Path.Combine(Path.GetTempPath(), "clr-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, "Strict"));
        try
        {
            File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{packageFolder}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Consumer.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
                  <ItemGroup><PackageReference Include="CodeLlama.Refactor.Analyzers" Version="0.1.0" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n\n[Strict/*.cs]\ndotnet_diagnostic.CLRF0001.severity = error\n");
            File.WriteAllText(Path.Combine(root, "Loose.cs"), "namespace Consumer;\n\npublic class Loose { }\n\n/// <summary>Documented.</summary>\npublic class Fine { }\n");
            File.WriteAllText(Path.Combine(root, "Strict", "Tight.cs"), "namespace Consumer;\n\npublic class Tight { }\n");

            var result = await DotnetCli.RunAsync(root, "build", "--packages", Path.Combine(root, "packages"), "-nologo", "-clp:NoSummary");

            Assert.Contains("Loose.cs(3,14): warning CLRF0001", result.Output, StringComparison.Ordinal);
            Assert.Contains("Tight.cs(3,14): error CLRF0001", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("'Fine'", result.Output, StringComparison.Ordinal);
            Assert.NotEqual(0, result.ExitCode);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Dotnet_format_fixes_clrf0001_with_the_package_and_no_endpoint_without_a_fix_all_complaint()
    {
        var packageFolder = Path.Combine(Samples.RepositoryRoot, "analyzers", "CodeLlama.Refactor.Analyzers.Package", "bin", Configuration());
        var root = Path.Combine(Path.GetTempPath(), "clr-format-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="local" value="{packageFolder}" /></packageSources></configuration>
                """);
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(root, "Consumer.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Include="CodeLlama.Refactor.Analyzers" Version="0.1.0" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.CLRF0001.severity = warning\n");
            File.WriteAllText(Path.Combine(root, "Loose.cs"), "namespace Consumer;\n\npublic class Loose { }\n");
            await DotnetCli.RunAsync(root, "restore", "--packages", Path.Combine(root, "packages"));

            var result = await DotnetCli.RunAsync(root, "format", "analyzers", "Consumer.csproj", "--diagnostics", "CLRF0001", "--severity", "info", "--no-restore", "-v", "diag");

            Assert.DoesNotContain("doesn't support Fix All", result.Output, StringComparison.Ordinal);
            Assert.Contains("/// <summary>", File.ReadAllText(Path.Combine(root, "Loose.cs")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Configuration() =>
        typeof(PackageConsumerTests).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
}
