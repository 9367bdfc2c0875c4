namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The symbols that give code a capability, as data: type (or namespace) and members, the capability, and what the
/// report calls it. Matched against the symbols the semantic model binds, so aliases, <c>using static</c> and full
/// names are all seen, and a method of the same name on another type is not.
/// </summary>
public static class CapabilityTable
{
    private const string FileWrites = "Create CreateText AppendText AppendAllText AppendAllTextAsync AppendAllLines AppendAllLinesAsync "
        + "AppendAllBytes AppendAllBytesAsync WriteAllText WriteAllTextAsync WriteAllLines WriteAllLinesAsync WriteAllBytes "
        + "WriteAllBytesAsync OpenWrite Copy Replace Encrypt Decrypt SetAttributes SetCreationTime SetCreationTimeUtc "
        + "SetLastWriteTime SetLastWriteTimeUtc SetLastAccessTime SetLastAccessTimeUtc SetUnixFileMode CreateSymbolicLink "
        + "CreateHardLink";

    /// <summary>Every row, grouped by capability.</summary>
    public static IReadOnlyList<CapabilityRule> Rules { get; } =
    [
        new("System.Diagnostics.Process", "Start", Capability.Process, "process start"),
        new("System.Diagnostics.Process", "Kill", Capability.Process, "process kill"),

        new("System.IO.File", "Delete", Capability.File, "file deletion"),
        new("System.IO.File", "Move", Capability.File, "file move"),
        new("System.IO.File", FileWrites, Capability.File, "file write"),
        new("System.IO.File", "Open OpenHandle", Capability.File, "file write", UseCondition.OpensForWriting),
        new("System.IO.Directory", "Delete", Capability.File, "directory deletion"),
        new("System.IO.Directory", "Move", Capability.File, "directory move"),
        new("System.IO.Directory", "CreateDirectory CreateTempSubdirectory CreateSymbolicLink SetCreationTime SetLastWriteTime", Capability.File, "directory creation"),
        new("System.IO.FileInfo", "Delete", Capability.File, "file deletion"),
        new("System.IO.FileInfo", "MoveTo", Capability.File, "file move"),
        new("System.IO.FileInfo", "CopyTo Create CreateText AppendText OpenWrite Replace Encrypt Decrypt CreateAsSymbolicLink", Capability.File, "file write"),
        new("System.IO.FileInfo", "Open", Capability.File, "file write", UseCondition.OpensForWriting),
        new("System.IO.DirectoryInfo", "Delete", Capability.File, "directory deletion"),
        new("System.IO.DirectoryInfo", "MoveTo", Capability.File, "directory move"),
        new("System.IO.DirectoryInfo", "Create CreateSubdirectory CreateAsSymbolicLink", Capability.File, "directory creation"),
        new("System.IO.FileStream", ".ctor", Capability.File, "file write", UseCondition.OpensForWriting),
        new("System.IO.StreamWriter", ".ctor", Capability.File, "file write", UseCondition.TakesPath),
        new("System.IO.FileSystemInfo", "Delete", Capability.File, "file deletion"),
        new("System.IO.Compression.ZipFile", "CreateFromDirectory ExtractToDirectory", Capability.File, "file write"),
        new("System.IO.Compression.ZipFileExtensions", "ExtractToDirectory ExtractToFile", Capability.File, "file write"),

        new("System.Net.Sockets.*", "*", Capability.Network, "network socket"),
        new("System.Net.Http.HttpClient", "*", Capability.Network, "HTTP request"),
        new("System.Net.Http.HttpMessageInvoker", "*", Capability.Network, "HTTP request"),
        new("System.Net.Http.SocketsHttpHandler", "*", Capability.Network, "HTTP request"),
        new("System.Net.WebClient", "*", Capability.Network, "web request"),
        new("System.Net.WebRequest", "*", Capability.Network, "web request"),
        new("System.Net.HttpWebRequest", "*", Capability.Network, "web request"),
        new("System.Net.FtpWebRequest", "*", Capability.Network, "web request"),
        new("System.Net.Dns", "*", Capability.Network, "DNS lookup"),
        new("System.Net.WebSockets.ClientWebSocket", "*", Capability.Network, "web socket"),
        new("System.Net.Mail.SmtpClient", "*", Capability.Network, "mail"),
        new("System.Net.NetworkInformation.Ping", "*", Capability.Network, "ping"),
        new("System.IO.Pipes.*", "*", Capability.Network, "pipe"),

        new("Microsoft.Win32.Registry", "*", Capability.Registry, "registry"),
        new("Microsoft.Win32.RegistryKey", "*", Capability.Registry, "registry"),

        new("System.Environment", "Exit FailFast", Capability.Environment, "process exit"),
        new("System.Environment", "SetEnvironmentVariable", Capability.Environment, "environment change"),

        new("System.Reflection.Emit.*", "*", Capability.Reflection, "reflection emit"),
        new("System.Reflection.Assembly", "Load LoadFrom LoadFile UnsafeLoadFrom LoadWithPartialName", Capability.Reflection, "assembly loading"),
        new("System.Runtime.Loader.AssemblyLoadContext", "*", Capability.Reflection, "assembly loading"),
        new("System.Activator", "CreateInstance", Capability.Reflection, "late-bound creation", UseCondition.TakesTypeName),
        new("System.Activator", "CreateInstanceFrom CreateComInstanceFrom", Capability.Reflection, "late-bound creation"),
        new("System.Reflection.MethodBase", "Invoke", Capability.Reflection, "reflection invoke"),
        new("System.Type", "InvokeMember", Capability.Reflection, "reflection invoke"),
        new("System.Delegate", "CreateDelegate DynamicInvoke", Capability.Reflection, "reflection invoke"),
        new("System.Reflection.MethodInfo", "CreateDelegate", Capability.Reflection, "reflection invoke"),
        new("System.AppDomain", "Load ExecuteAssembly ExecuteAssemblyByName CreateInstance CreateInstanceAndUnwrap CreateInstanceFrom CreateInstanceFromAndUnwrap", Capability.Reflection, "assembly loading"),
        new("Microsoft.CodeAnalysis.Scripting.*", "*", Capability.Reflection, "scripting"),
        new("Microsoft.CodeAnalysis.CSharp.Scripting.*", "*", Capability.Reflection, "scripting"),

        new("System.Runtime.InteropServices.DllImportAttribute", ".ctor", Capability.Native, "P/Invoke"),
        new("System.Runtime.InteropServices.LibraryImportAttribute", ".ctor", Capability.Native, "P/Invoke"),
        new("System.Runtime.InteropServices.Marshal", "*", Capability.Native, "Marshal"),
        new("System.Runtime.InteropServices.NativeLibrary", "*", Capability.Native, "native library"),
        new("System.Runtime.InteropServices.NativeMemory", "*", Capability.Native, "native memory"),
        new("System.Runtime.CompilerServices.Unsafe", "*", Capability.Native, "unsafe code"),
    ];
}
