using System.Text.Json;
using System.Xml.Linq;

namespace CodeLlama.Refactor.Workspaces.Fast;

/// <summary>
/// A project that MSBuild would evaluate to a compiler command line known in advance: <c>Sdk="Microsoft.NET.Sdk"</c>,
/// one target framework (the SDK's own), nothing but a handful of plain properties, no items, no imports, no targets,
/// no build settings from the folders above, and restored without a single package. Anything else is read by MSBuild.
/// </summary>
/// <param name="ProjectFile">The full path of the <c>.csproj</c>.</param>
/// <param name="Properties">Its properties, by name (case-insensitive, as MSBuild has them).</param>
internal sealed record SimpleSdkProject(string ProjectFile, IReadOnlyDictionary<string, string> Properties)
{
    // The properties whose effect on the compiler command line SimpleProjectArguments reproduces; any other one (even
    // one that only stamps the assembly, such as Version) leaves the project to MSBuild.
    private static readonly HashSet<string> KnownProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "TargetFramework", "OutputType", "Nullable", "ImplicitUsings", "LangVersion", "RootNamespace", "AssemblyName",
        "GenerateDocumentationFile", "TreatWarningsAsErrors", "WarningsAsErrors", "NoWarn", "AllowUnsafeBlocks", "IsPackable",
    };

    private static readonly HashSet<string> OutputTypes = new(StringComparer.OrdinalIgnoreCase) { "Library", "Exe", "WinExe" };

    // Lists that a project extends with $(Name);more, as MSBuild's templates write them.
    private static readonly HashSet<string> ExtendedLists = new(StringComparer.OrdinalIgnoreCase) { "NoWarn", "WarningsAsErrors" };

    /// <summary>The project's folder.</summary>
    public string Directory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>The file name without extension, which names the files MSBuild generates under obj/.</summary>
    public string Name => Path.GetFileNameWithoutExtension(ProjectFile);

    /// <summary>A property's value, or null when the project does not set it.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>Its value.</returns>
    public string? Property(string name) => Properties.GetValueOrDefault(name);

    /// <summary>True when a boolean property is set to true.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>Whether it is true.</returns>
    public bool IsTrue(string name) => string.Equals(Property(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="projectFile"/> if it is simple for <paramref name="sdk"/>.</summary>
    /// <param name="projectFile">A <c>.csproj</c>.</param>
    /// <param name="sdk">The SDK that would build it.</param>
    /// <param name="why">Why it is not simple, when it is not.</param>
    /// <returns>The project, or null when MSBuild must read it.</returns>
    public static SimpleSdkProject? TryRead(string projectFile, SdkLayout sdk, out string why)
    {
        try
        {
            return Read(projectFile, sdk, out why);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Xml.XmlException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            why = exception.Message;
            return null;
        }
    }

    private static SimpleSdkProject? Read(string projectFile, SdkLayout sdk, out string why)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var root = XDocument.Load(projectFile).Root!;
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        why = root.Name.LocalName != "Project" || root.Name.Namespace != XNamespace.None ? "not an SDK-style project"
            : root.Attributes().Count() != 1 || (string?)root.Attribute("Sdk") != "Microsoft.NET.Sdk" ? "not Sdk=\"Microsoft.NET.Sdk\" alone"
            : ReadProperties(root, properties)
            ?? FrameworkOf(properties, sdk)
            ?? Imported(directory, projectFile)
            ?? Restored(projectFile, sdk)
            ?? "";
        return why.Length == 0 ? new SimpleSdkProject(projectFile, properties) : null;
    }

    private static string? ReadProperties(XElement root, Dictionary<string, string> properties)
    {
        foreach (var group in root.Elements())
        {
            if (group.Name.LocalName != "PropertyGroup" || group.HasAttributes)
            {
                return $"has <{group.Name.LocalName}>";
            }

            foreach (var property in group.Elements())
            {
                var name = property.Name.LocalName;
                if (!KnownProperties.Contains(name) || property.HasAttributes || property.HasElements)
                {
                    return $"sets {name}";
                }

                var value = property.Value.Trim();
                if (ExtendedLists.Contains(name) && value.StartsWith($"$({name})", StringComparison.OrdinalIgnoreCase))
                {
                    value = (properties.GetValueOrDefault(name) ?? "") + value[(name.Length + 3)..];
                }

                if (value.Contains("$(", StringComparison.Ordinal) || value.Contains('%') || value.Contains('@'))
                {
                    return $"computes {name}";
                }

                properties[name] = value;
            }
        }

        return null;
    }

    private static string? FrameworkOf(Dictionary<string, string> properties, SdkLayout sdk) =>
        properties.GetValueOrDefault("TargetFramework") != sdk.TargetFramework ? $"does not target {sdk.TargetFramework} alone"
        : properties.GetValueOrDefault("OutputType") is { } type && !OutputTypes.Contains(type) ? $"builds a {type}"
        : null;

    // What MSBuild imports besides the SDK: Directory.Build.props/.targets and Directory.Packages.props from the nearest
    // folder above that has one (an empty one ends the search, as test folders write it), and the project's .user file.
    private static string? Imported(string directory, string projectFile)
    {
        if (File.Exists(projectFile + ".user"))
        {
            return "has a .user file";
        }

        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "Directory.Build.rsp" })
        {
            if (Nearest(directory, name) is { } file && !IsInert(file))
            {
                return $"imports {file}";
            }
        }

        return null;
    }

    private static string? Nearest(string directory, string name)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // <Project /> alone, or (for central package management without a package) only the switch and package versions.
    private static bool IsInert(string file)
    {
        if (file.EndsWith(".rsp", StringComparison.Ordinal))
        {
            return false;
        }

        var root = XDocument.Load(file).Root!;
        return !root.HasAttributes && root.Elements().All(element =>
            !element.HasAttributes
            && ((element.Name.LocalName == "PropertyGroup" && element.Elements().All(property => property.Name.LocalName == "ManagePackageVersionsCentrally" && !property.HasAttributes))
                || (element.Name.LocalName == "ItemGroup" && element.Elements().All(item => item.Name.LocalName == "PackageVersion"))));
    }

    // Restored for this framework with no package at all: no compile references, analyzers or build files come from NuGet.
    private static string? Restored(string projectFile, SdkLayout sdk)
    {
        var assets = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return "not restored";
        }

        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var root = json.RootElement;
        var targets = root.GetProperty("targets");
        return targets.EnumerateObject().Count() == 1
            && targets.TryGetProperty(sdk.TargetFramework, out var target) && !target.EnumerateObject().Any()
            && !root.GetProperty("libraries").EnumerateObject().Any()
            && !(root.TryGetProperty("logs", out var logs) && logs.GetArrayLength() > 0)
            && root.GetProperty("project").GetProperty("restore").GetProperty("projectPath").GetString() == projectFile
            ? null
            : "restored with packages or for other frameworks";
    }
}
