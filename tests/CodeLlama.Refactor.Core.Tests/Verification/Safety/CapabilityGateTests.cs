using CodeLlama.Refactor.Verification.Safety;

namespace CodeLlama.Refactor.Core.Tests.Verification.Safety;

public sealed class CapabilityGateTests
{
    private static readonly string Harmless = SafetySnippet.Method("");

    [Theory]
    [InlineData("System.Diagnostics.Process.Start(\"touch\", value);", "System.Diagnostics.Process.Start (process start)")]
    [InlineData("new System.Diagnostics.Process { StartInfo = new(\"touch\") }.Start();", "System.Diagnostics.Process.Start (process start)")]
    [InlineData("System.Diagnostics.Process.GetCurrentProcess().Kill();", "System.Diagnostics.Process.Kill (process kill)")]
    [InlineData("File.Delete(value);", "System.IO.File.Delete (file deletion)")]
    [InlineData("System.IO.Compression.ZipFile.ExtractToDirectory(value, \"out\");", "System.IO.Compression.ZipFile.ExtractToDirectory (file write)")]
    [InlineData("File.WriteAllText(value, \"x\");", "System.IO.File.WriteAllText (file write)")]
    [InlineData("File.Move(value, \"b\");", "System.IO.File.Move (file move)")]
    [InlineData("Directory.Delete(value, true);", "System.IO.Directory.Delete (directory deletion)")]
    [InlineData("Directory.CreateDirectory(value);", "System.IO.Directory.CreateDirectory (directory creation)")]
    [InlineData("new FileInfo(value).MoveTo(\"b\");", "System.IO.FileInfo.MoveTo (file move)")]
    [InlineData("new DirectoryInfo(value).Delete();", "System.IO.DirectoryInfo.Delete (directory deletion)")]
    [InlineData("using var stream = new FileStream(value, FileMode.Create);", "new System.IO.FileStream (file write)")]
    [InlineData("using var stream = new FileStream(value, FileMode.Open);", "new System.IO.FileStream (file write)")]
    [InlineData("using var stream = File.Open(value, FileMode.Append);", "System.IO.File.Open (file write)")]
    [InlineData("using var writer = new StreamWriter(value);", "new System.IO.StreamWriter (file write)")]
    [InlineData("using var client = new System.Net.Http.HttpClient();", "new System.Net.Http.HttpClient (HTTP request)")]
    [InlineData("using var socket = new System.Net.Sockets.TcpClient(\"127.0.0.1\", 9);", "new System.Net.Sockets.TcpClient (network socket)")]
    [InlineData("System.Net.Dns.GetHostAddresses(value);", "System.Net.Dns.GetHostAddresses (DNS lookup)")]
    [InlineData("using var pipe = new System.IO.Pipes.NamedPipeClientStream(value);", "new System.IO.Pipes.NamedPipeClientStream (pipe)")]
    [InlineData("Microsoft.Win32.Registry.CurrentUser.DeleteSubKey(value);", "Microsoft.Win32.Registry.CurrentUser (registry)")]
    [InlineData("Environment.Exit(1);", "System.Environment.Exit (process exit)")]
    [InlineData("Environment.FailFast(value);", "System.Environment.FailFast (process exit)")]
    [InlineData("Environment.SetEnvironmentVariable(\"PATH\", value);", "System.Environment.SetEnvironmentVariable (environment change)")]
    [InlineData("System.Reflection.Assembly.LoadFrom(value);", "System.Reflection.Assembly.LoadFrom (assembly loading)")]
    [InlineData("Activator.CreateInstance(\"Lib\", value);", "System.Activator.CreateInstance (late-bound creation)")]
    [InlineData("new System.Reflection.Emit.DynamicMethod(\"m\", typeof(int), null).GetILGenerator();", "new System.Reflection.Emit.DynamicMethod (reflection emit)")]
    [InlineData("System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(value);", "System.Runtime.Loader.AssemblyLoadContext.Default (assembly loading)")]
    [InlineData("typeof(File).GetMethod(\"Delete\")!.Invoke(null, new object[] { value });", "System.Reflection.MethodBase.Invoke (reflection invoke)")]
    [InlineData("AppDomain.CurrentDomain.ExecuteAssembly(value);", "System.AppDomain.ExecuteAssembly (assembly loading)")]
    [InlineData("Delegate.CreateDelegate(typeof(Action), typeof(Console), \"Beep\");", "System.Delegate.CreateDelegate (reflection invoke)")]
    [InlineData("System.Runtime.InteropServices.Marshal.AllocHGlobal(8);", "System.Runtime.InteropServices.Marshal.AllocHGlobal (Marshal)")]
    [InlineData("unsafe { int* pointer = null; }", "unsafe (unsafe code)")]
    public async Task Statement_that_adds_a_capability_is_unsafe_and_says_which(string statement, string expected)
    {
        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method(statement));

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
        Assert.Equal($"unsafe — adds {expected}", verdict.Reason);
    }

    [Theory]
    [InlineData("var text = File.ReadAllText(value);")]
    [InlineData("using var stream = new FileStream(value, FileMode.Open, FileAccess.Read);")]
    [InlineData("using var stream = File.Open(value, FileMode.Open, FileAccess.Read);")]
    [InlineData("using var writer = new StreamWriter(new MemoryStream());")]
    [InlineData("var name = nameof(File.Delete);")]
    [InlineData("var instance = Activator.CreateInstance(typeof(object));")]
    [InlineData("var exists = File.Exists(value) && Directory.Exists(value);")]
    public async Task Statement_that_only_computes_or_reads_is_safe(string statement)
    {
        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method(statement));

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Capability_the_member_already_used_is_not_added()
    {
        var before = SafetySnippet.Method("File.Delete(value); var x = value * 2;");

        var verdict = await SafetySnippet.JudgeAsync(before, SafetySnippet.Method("File.Delete(value); var x = value.Length * 2;"));

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Second_use_in_the_same_member_is_added()
    {
        var before = SafetySnippet.Method("File.Delete(value);");

        var verdict = await SafetySnippet.JudgeAsync(before, SafetySnippet.Method("File.Delete(value); File.Delete(\"/etc/passwd\");"));

        Assert.Equal("unsafe — adds System.IO.File.Delete (file deletion)", verdict.Reason);
    }

    [Fact]
    public async Task Capability_of_another_member_does_not_cover_this_one()
    {
        var before = SafetySnippet.Method("").Replace("public static void Other(string value)\n    {\n", "public static void Other(string value)\n    {\n        File.Delete(value);\n", StringComparison.Ordinal);
        Assert.Contains("File.Delete", before, StringComparison.Ordinal);

        var verdict = await SafetySnippet.JudgeAsync(before, before.Replace("return value.Length * 2;", "File.Delete(value); return value.Length * 2;", StringComparison.Ordinal));

        Assert.Equal("unsafe — adds System.IO.File.Delete (file deletion)", verdict.Reason);
    }

    [Fact]
    public async Task Repairing_a_call_that_did_not_bind_is_not_adding_it()
    {
        var verdict = await SafetySnippet.JudgeAsync(SafetySnippet.Method("File.Delete(value, 3);"), SafetySnippet.Method("File.Delete(value);"));

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Theory]
    [InlineData("Process.Start(value);", "using System.Diagnostics;\n")]
    [InlineData("File.Delet(value);", "")]
    public async Task Binding_what_the_member_already_wrote_is_not_adding_it(string statement, string usings)
    {
        var before = SafetySnippet.Method(statement);
        var after = usings + SafetySnippet.Method(statement.Replace("Delet(", "Delete(", StringComparison.Ordinal));

        var verdict = await SafetySnippet.JudgeAsync(before, after);

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Unbound_name_of_another_member_covers_nothing_here()
    {
        var before = SafetySnippet.Method("").Replace("public static void Other(string value)\n    {\n", "public static void Other(string value)\n    {\n        Process.Start(value);\n", StringComparison.Ordinal);
        Assert.Contains("Process.Start", before, StringComparison.Ordinal);

        var verdict = await SafetySnippet.JudgeAsync(before, before.Replace("return value.Length * 2;", "System.Diagnostics.Process.Start(value); return value.Length * 2;", StringComparison.Ordinal));

        Assert.Equal("unsafe — adds System.Diagnostics.Process.Start (process start)", verdict.Reason);
    }

    [Fact]
    public async Task Capability_is_found_by_symbol_through_using_static_and_aliases()
    {
        var viaStatic = await SafetySnippet.JudgeAsync(Harmless, "using static System.IO.File;\n" + SafetySnippet.Method("Delete(value);"));
        var viaAlias = await SafetySnippet.JudgeAsync(Harmless, "using Gone = System.IO.File;\n" + SafetySnippet.Method("Gone.Delete(value);"));

        Assert.Equal("unsafe — adds System.IO.File.Delete (file deletion)", viaStatic.Reason);
        Assert.Equal("unsafe — adds System.IO.File.Delete (file deletion)", viaAlias.Reason);
    }

    [Fact]
    public async Task Method_of_the_same_name_on_the_projects_own_type_is_safe()
    {
        const string own = "\nnamespace Lib { public static class Process { public static void Start(string name) { } } }\n";

        var verdict = await SafetySnippet.JudgeAsync(Harmless + own, SafetySnippet.Method("Lib.Process.Start(value);") + own);

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Added_extern_method_is_unsafe_as_p_invoke()
    {
        var after = Harmless.Replace(
            "public static void Other",
            "[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();\n\n    public static void Other",
            StringComparison.Ordinal);

        var verdict = await SafetySnippet.JudgeAsync(Harmless, after);

        Assert.Equal("unsafe — adds extern (P/Invoke)", verdict.Reason);
    }

    [Fact]
    public async Task Scanner_sees_attributes_function_pointers_and_unsafe_members()
    {
        var uses = await SafetySnippet.ScanAsync("""
            public static unsafe partial class Native
            {
                [System.Runtime.InteropServices.LibraryImport("libc")]
                private static partial int getpid();

                private static delegate*<int> pointer;
            }
            """);

        Assert.Contains(uses, use => use.Symbol == "new System.Runtime.InteropServices.LibraryImportAttribute" && use.Capability == Capability.Native);
        Assert.Contains(uses, use => use.Symbol == "delegate*" && use.What == "function pointer");
        Assert.Contains(uses, use => use.Symbol == "unsafe" && use.Member == "Native");
    }

    [Fact]
    public async Task Capability_allowed_on_the_command_line_passes_and_others_do_not()
    {
        var allowed = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("File.Delete(value);"), [Capability.File]);
        var other = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("File.Delete(value); System.Diagnostics.Process.Start(value);"), [Capability.File]);

        Assert.True(allowed.IsSafe, allowed.Reason);
        Assert.Equal("unsafe — adds System.Diagnostics.Process.Start (process start)", other.Reason);
    }

    [Fact]
    public async Task Capability_allowed_in_editorconfig_passes()
    {
        const string config = "root = true\n\n[*.cs]\ncodellama_refactor.allowed_capabilities = file, process\n";

        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("File.Delete(value); System.Diagnostics.Process.Start(value);"), editorConfig: config);
        var network = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("System.Net.Dns.GetHostName();"), editorConfig: config);

        Assert.True(verdict.IsSafe, verdict.Reason);
        Assert.Equal("unsafe — adds System.Net.Dns.GetHostName (DNS lookup)", network.Reason);
    }
}
