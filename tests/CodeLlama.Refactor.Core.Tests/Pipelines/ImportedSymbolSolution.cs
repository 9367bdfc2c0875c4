namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// A library whose compiled code depends on a symbol an imported file defines (<c>build/symbols.props</c>, which a load
/// record's stamps do not name): the misspelt parameter name is in the branch compiled without <c>FAST</c>.
/// </summary>
internal static class ImportedSymbolSolution
{
    /// <summary>The imported file's path in the solution.</summary>
    public const string ImportedFile = "build/symbols.props";

    /// <summary>The files, with <c>FAST</c> defined and <paramref name="properties"/> in the project's property group.</summary>
    /// <param name="properties">More properties of the project, as MSBuild XML.</param>
    /// <param name="more">More files.</param>
    /// <returns>The files by path.</returns>
    public static Dictionary<string, string> Files(string properties = "", IReadOnlyDictionary<string, string>? more = null)
    {
        var files = new Dictionary<string, string>
        {
            [ImportedFile] = Symbols("FAST"),
            ["Lib/Lib.csproj"] = $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="../build/symbols.props" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>{properties}
                  </PropertyGroup>
                </Project>
                """,
            ["Lib/Calc.cs"] = """
                namespace Lib;

                public static class Calc
                {
                #if FAST
                    public static int Twice(int value) => value << 1;
                #else
                    public static int Twice(int value) => valeu * 2;
                #endif
                }
                """,
        };
        foreach (var (path, text) in more ?? new Dictionary<string, string>())
        {
            files[path] = text;
        }

        return files;
    }

    /// <summary>The imported file, defining <paramref name="symbol"/>.</summary>
    /// <param name="symbol">A preprocessor symbol.</param>
    /// <returns>The file's text.</returns>
    public static string Symbols(string symbol) => $"""
        <Project>
          <PropertyGroup>
            <DefineConstants>$(DefineConstants);{symbol}</DefineConstants>
          </PropertyGroup>
        </Project>
        """;
}
