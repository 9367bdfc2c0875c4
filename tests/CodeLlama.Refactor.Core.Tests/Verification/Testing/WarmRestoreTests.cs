using CodeLlama.Refactor.Verification.Testing;

namespace CodeLlama.Refactor.Core.Tests.Verification.Testing;

public sealed class WarmRestoreTests : IDisposable
{
    private static readonly DateTime Built = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly string root = Directory.CreateTempSubdirectory("warm-restore-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void AssetsNewerThanEveryProjectFile_AreTheRestore()
    {
        var lib = Project("Lib", assetsWritten: Built);
        var tests = Project("Lib.Tests", assetsWritten: Built);
        Write("Directory.Build.props", Built.AddMinutes(-5));

        Assert.True(WarmRestore.IsRestored(root, [lib, tests]));
    }

    [Fact]
    public void AProjectFileEditedSinceTheRestore_IsRestoredAgain()
    {
        var lib = Project("Lib", assetsWritten: Built);
        var tests = Project("Lib.Tests", assetsWritten: Built);
        File.SetLastWriteTimeUtc(Path.Combine(tests, "Lib.Tests.csproj"), Built.AddMinutes(1));

        Assert.False(WarmRestore.IsRestored(root, [lib, tests]));
    }

    [Fact]
    public void CentralPackageVersionsEditedSinceTheRestore_AreRestoredAgain()
    {
        var lib = Project("Lib", assetsWritten: Built);
        Write("Directory.Packages.props", Built.AddMinutes(1));

        Assert.False(WarmRestore.IsRestored(root, [lib]));
    }

    [Fact]
    public void AProjectNeverRestored_OrNoProjectAtAll_IsRestored()
    {
        var lib = Project("Lib", assetsWritten: Built);
        var tests = Project("Lib.Tests", assetsWritten: null);

        Assert.False(WarmRestore.IsRestored(root, [lib, tests]));
        Assert.False(WarmRestore.IsRestored(root, []));
    }

    private string Project(string name, DateTime? assetsWritten)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        Write(Path.Combine(name, name + ".csproj"), Built.AddMinutes(-10));
        if (assetsWritten is { } written)
        {
            Directory.CreateDirectory(Path.Combine(folder, "obj"));
            Write(Path.Combine(name, "obj", "project.assets.json"), written);
        }

        return folder;
    }

    private void Write(string relativePath, DateTime written)
    {
        var path = Path.Combine(root, relativePath);
        File.WriteAllText(path, "<Project />");
        File.SetLastWriteTimeUtc(path, written);
    }
}
