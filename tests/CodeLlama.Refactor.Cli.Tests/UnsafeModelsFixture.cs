using System.Net;
using System.Net.Sockets;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// Scripted models whose repair of <c>var width = name * 2;</c> compiles but reaches outside the program: it deletes a
/// file, writes one, starts a process, connects to a loopback listener, hashes with MD5, creates a late-bound object or
/// saves an XML document over a file (and one pure repair that uses Math.Max, which the file did not use). What each would touch is
/// here too, so that a test can prove the code never ran.
/// </summary>
public sealed class UnsafeModelsFixture : IDisposable
{
    public const string Repair = "var width = name.Length * 2;";

    private readonly Dictionary<string, string> models = new(StringComparer.Ordinal);

    public UnsafeModelsFixture()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Victim, "keep me");
        Listener.Start();
        var port = ((IPEndPoint)Listener.LocalEndpoint).Port;
        var folder = Folder.Replace('\\', '/');
        Add("delete", $"System.IO.File.Delete(\"{Victim.Replace('\\', '/')}\"); {Repair}");
        Add("write", $"System.IO.File.WriteAllText(\"{folder}/written.txt\", name); {Repair}");
        Add("process", $"System.Diagnostics.Process.Start(\"touch\", \"{folder}/marker\"); {Repair}");
        Add("connect", $"new System.Net.Sockets.TcpClient(\"127.0.0.1\", {port}).Close(); {Repair}");
        Add("md5", $"using var hash = System.Security.Cryptography.MD5.Create(); {Repair}");
        Add("late", $"dynamic late = System.Activator.CreateInstance(System.Type.GetType(\"System.Diagnostics.\" + \"Process, System.Diagnostics.Process\") ?? typeof(object)) ?? name; {Repair}");
        Add("xml", $"new System.Xml.XmlDocument().Save(\"{Victim.Replace('\\', '/')}\"); {Repair}");
        Add("pure", $"var width = System.Math.Max(name.Length, 0) * 2;");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "clr-unsafe-models-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The file the deleting model names.</summary>
    public string Victim => Path.Combine(Folder, "victim.txt");

    /// <summary>The file the writing model would create.</summary>
    public string Written => Path.Combine(Folder, "written.txt");

    /// <summary>The file the process model's <c>touch</c> would create.</summary>
    public string Marker => Path.Combine(Folder, "marker");

    /// <summary>The loopback listener the connecting model dials.</summary>
    public TcpListener Listener { get; } = new(IPAddress.Loopback, 0);

    /// <summary>The model file for <paramref name="kind"/>.</summary>
    public string Model(string kind) => models[kind];

    public void Dispose()
    {
        Listener.Stop();
        Directory.Delete(Folder, recursive: true);
    }

    private void Add(string kind, string script) => models[kind] = TestModels.WriteScripted(Path.Combine(Folder, kind + ".gguf"), script);
}
