using System.Globalization;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// A folder in this user's private folder that takes the files MSBuild would write under each project's <c>obj/</c> and <c>bin/</c>:
/// the design-time build's generated sources and caches, and, when asked, a whole restore. It works through
/// <c>CustomAfterDirectoryBuildProps</c>, which every SDK project imports right after its own Directory.Build.props,
/// so the redirect wins over the repository's settings and is set per project (a global property could only name one
/// folder for all of them, and every project would overwrite the others' files).
/// </summary>
internal sealed class ScratchBuildOutputs : IDisposable
{
    private const string ScratchProperty = "CodeLlamaRefactorScratch";
    private const string RestoreProperty = "CodeLlamaRefactorRestoreInScratch";

    // The output paths are set before the SDK computes its defaults, which then only append the target framework and
    // runtime identifier, so each project, configuration and target framework gets its own folder, as under obj/ and
    // bin/. Both are needed: targets that run before the compiler in a design-time build write into either (the
    // generated AssemblyInfo into obj/, Microsoft.CodeCoverage's source-root map of a test project into bin/).
    // The project's path is hashed into the name: two projects of the same name in different folders stay apart.
    // Configuration is not set yet where this is imported; the SDK makes it Debug when nothing sets it, and so does
    // this, so that each project's folder here is laid out as its own obj/ and bin/ are (ProjectOutputs maps back).
    private const string Props = """
        <Project>
          <PropertyGroup>
            <_CodeLlamaRefactorProjectScratch>$(CodeLlamaRefactorScratch)$(MSBuildProjectName)-$([MSBuild]::StableStringHash('$(MSBuildProjectFullPath)'))/</_CodeLlamaRefactorProjectScratch>
            <_CodeLlamaRefactorConfiguration>$(Configuration)</_CodeLlamaRefactorConfiguration>
            <_CodeLlamaRefactorConfiguration Condition="'$(_CodeLlamaRefactorConfiguration)' == ''">Debug</_CodeLlamaRefactorConfiguration>
            <IntermediateOutputPath>$(_CodeLlamaRefactorProjectScratch)obj/$(_CodeLlamaRefactorConfiguration)/</IntermediateOutputPath>
            <BaseOutputPath>$(_CodeLlamaRefactorProjectScratch)bin/</BaseOutputPath>
            <OutputPath>$(_CodeLlamaRefactorProjectScratch)bin/$(_CodeLlamaRefactorConfiguration)/</OutputPath>
            <MSBuildProjectExtensionsPath Condition="'$(CodeLlamaRefactorRestoreInScratch)' == 'true'">$(_CodeLlamaRefactorProjectScratch)restore/</MSBuildProjectExtensionsPath>
          </PropertyGroup>
        </Project>
        """;

    private readonly string propsFile;

    private ScratchBuildOutputs(string folder)
    {
        Folder = folder;
        propsFile = Path.Combine(folder, "redirect.props");
        File.WriteAllText(propsFile, Props);
    }

    /// <summary>The folder; removed by <see cref="Dispose"/>.</summary>
    public string Folder { get; }

    /// <summary>Creates the folder in this user's private folder (mode 0700; removed by the next run if this one is killed).</summary>
    public static ScratchBuildOutputs Create() => new(PrivateFolder.CreateRunFolder("load"));

    /// <summary>The global properties that send a build's intermediate files here, and its restore too when asked.</summary>
    /// <param name="restoreHere">True to move the restore's output (<c>project.assets.json</c> and the rest) here as well.</param>
    public IReadOnlyDictionary<string, string> Properties(bool restoreHere) => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["CustomAfterDirectoryBuildProps"] = propsFile,
        [ScratchProperty] = Folder + Path.DirectorySeparatorChar,
        [RestoreProperty] = restoreHere.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be removed now is removed by a later run, once this process has ended.
        }
    }
}
