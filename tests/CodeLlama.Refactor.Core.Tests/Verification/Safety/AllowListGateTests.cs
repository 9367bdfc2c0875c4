using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Verification.Safety;

namespace CodeLlama.Refactor.Core.Tests.Verification.Safety;

/// <summary>The allow-list gate on untrusted candidates, over an in-memory project: hostile edits are refused with the first symbol not allowed.</summary>
public sealed class AllowListGateTests
{
    private static readonly string Harmless = SafetySnippet.Method("");

    // Solution code an edit may call: a helper that deletes a file, a type whose ToString writes one, a conversion and
    // a setter that start a process, an extension method named like LINQ's, and a pure helper.
    private const string Solution = """

        public static class Helpers
        {
            public static void Tidy(string path) => Wipe(path);
            private static void Wipe(string path) => File.Delete(path);
            public static int Half(int value) => Twice(value) / 4;
            private static int Twice(int value) => value * 2;
            public static int Max(this int[] values) { File.Delete("/tmp/x"); return 0; }
        }

        public sealed class Noisy
        {
            public override string ToString() { File.WriteAllText("/tmp/noisy", ""); return "noisy"; }
        }

        public readonly struct Cmd
        {
            public static implicit operator Cmd(string text) { System.Diagnostics.Process.Start(text); return default; }
        }

        public sealed class Options
        {
            private string path = "";
            public string Path { get => path; set { File.Delete(value); path = value; } }
        }

        public interface IStore { void Save(string text); }

        public sealed class DiskStore : IStore
        {
            public void Save(string text) => File.AppendAllText("/tmp/store", text);
        }
        """;

    [Theory]
    [InlineData("dynamic d = value; d.Trim();", RefusalKind.Dynamic, "dynamic")]
    [InlineData("var t = Type.GetType(\"System.Diagnostics.\" + \"Process, System.Diagnostics.Process\"); var p = Activator.CreateInstance(t!);", RefusalKind.Reflection, "System.Type")]
    [InlineData("new System.Xml.XmlDocument().Save(value);", RefusalKind.NotAllowed, "System.Xml.XmlDocument.Save")]
    [InlineData("using var listener = new System.Net.HttpListener(); listener.Start();", RefusalKind.NotAllowed, "System.Net.HttpListener")]
    [InlineData("var text = File.ReadAllText(value);", RefusalKind.NotAllowed, "System.IO.File.ReadAllText")]
    [InlineData("var found = Directory.GetFiles(value);", RefusalKind.NotAllowed, "System.IO.Directory.GetFiles")]
    [InlineData("var all = System.Diagnostics.Process.GetProcesses();", RefusalKind.NotAllowed, "System.Diagnostics.Process")]
    [InlineData("var home = Environment.GetEnvironmentVariable(\"HOME\");", RefusalKind.NotAllowed, "System.Environment.GetEnvironmentVariable")]
    [InlineData("Func<string, string> read = File.ReadAllText; read(value);", RefusalKind.NotAllowed, "System.IO.File.ReadAllText")]
    [InlineData("System.Linq.Expressions.Expression<Func<int>> tree = () => 1; tree.Compile()();", RefusalKind.ExpressionTree, "System.Linq.Expressions.Expression<System.Func<int>>")]
    [InlineData("System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", RefusalKind.NotAllowed, "System.Threading.ThreadPool.QueueUserWorkItem")]
    [InlineData("var method = typeof(string).GetMethod(\"Trim\", Type.EmptyTypes)!; var trimmed = method.Name;", RefusalKind.Reflection, "System.Reflection.MethodInfo")]
    [InlineData("AppDomain.CurrentDomain.SetData(\"key\", value);", RefusalKind.Reflection, "System.AppDomain.SetData")]
    [InlineData("var name = value.GetType().Name;", RefusalKind.Reflection, "System.Reflection.MemberInfo.Name")]
    [InlineData("var count = System.Linq.Queryable.AsQueryable(new[] { 1 }).Count();", RefusalKind.ExpressionTree, "System.Linq.IQueryable<int>")]
    [InlineData("var ptr = System.Runtime.InteropServices.GCHandle.Alloc(value);", RefusalKind.Native, "System.Runtime.InteropServices.GCHandle")]
    [InlineData("var list = new System.Collections.Generic.List<System.Diagnostics.Process>();", RefusalKind.NotAllowed, "System.Diagnostics.Process")]
    [InlineData("var none = default(System.Net.Sockets.Socket);", RefusalKind.NotAllowed, "System.Net.Sockets.Socket")]
    [InlineData("var task = System.Threading.Tasks.Task.Run(() => 1);", RefusalKind.NotAllowed, "System.Threading.Tasks.Task.Run<TResult>")]
    [InlineData("var empty = Array.Empty<System.Diagnostics.Process>();", RefusalKind.NotAllowed, "System.Diagnostics.Process")]
    [InlineData("var made = Activator.CreateInstance<object>();", RefusalKind.Reflection, "System.Activator.CreateInstance<T>")]
    [InlineData("AppDomain.CurrentDomain.ProcessExit += (sender, args) => { };", RefusalKind.Reflection, "System.AppDomain.ProcessExit")]
    [InlineData("var reference = __makeref(value);", RefusalKind.Reflection, "System.TypedReference")]
    public async Task Hostile_statement_is_refused_naming_the_first_symbol(string statement, RefusalKind kind, string symbol)
    {
        var verdict = await JudgeAsync(Harmless, SafetySnippet.Method(statement));

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
        Assert.Equal(kind, verdict.Refusal?.Kind);
        Assert.Equal(symbol, verdict.Refusal?.Symbol);
        Assert.Equal("Sizes.Twice(string)", verdict.Refusal?.Member);
    }

    // These the capability scan, which judges every candidate, names first; the allow-list would refuse them as well.
    [Theory]
    [InlineData("new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp).Connect(\"127.0.0.1\", 9);", "new System.Net.Sockets.Socket")]
    [InlineData("Environment.SetEnvironmentVariable(\"PATH\", value);", "System.Environment.SetEnvironmentVariable")]
    [InlineData("Action<string> gone = File.Delete; gone(value);", "System.IO.File.Delete")]
    [InlineData("System.Runtime.InteropServices.NativeLibrary.Load(value);", "System.Runtime.InteropServices.NativeLibrary.Load")]
    [InlineData("System.Runtime.InteropServices.Marshal.WriteByte(IntPtr.Zero, 1);", "System.Runtime.InteropServices.Marshal.WriteByte")]
    [InlineData("System.IO.Compression.ZipFile.ExtractToDirectory(value, \"/tmp/out\");", "System.IO.Compression.ZipFile.ExtractToDirectory")]
    [InlineData("typeof(File).GetMethod(\"Delete\")!.Invoke(null, new object[] { value });", "System.Reflection.MethodBase.Invoke")]
    [InlineData("unsafe { delegate*<void> call = null; }", "unsafe")]
    public async Task Hostile_statement_with_a_known_capability_is_refused(string statement, string symbol)
    {
        var verdict = await JudgeAsync(Harmless, SafetySnippet.Method(statement));

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
        Assert.Equal(symbol, verdict.Capability?.Symbol);
    }

    [Theory]
    [InlineData("Helpers.Tidy(value);", "Helpers.Tidy", "System.IO.File.Delete")]
    [InlineData("var text = $\"{new Noisy()}\";", "Noisy", "System.IO.File.WriteAllText")]
    [InlineData("Cmd command = value;", "Cmd.implicit operator Cmd", "System.Diagnostics.Process")]
    [InlineData("var options = new Options { Path = value };", "Options.Path", "System.IO.File.Delete")]
    [InlineData("var most = new[] { 1 }.Max();", "Helpers.Max", "System.IO.File.Delete")]
    [InlineData("IStore store = null!; store.Save(value);", "IStore.Save", "System.IO.File.AppendAllText")]
    public async Task Solution_member_that_reaches_a_forbidden_symbol_is_refused(string statement, string symbol, string via)
    {
        var verdict = await JudgeAsync(Harmless + Solution, SafetySnippet.Method(statement) + Solution);

        Assert.Equal(RefusalKind.NotAllowed, verdict.Refusal?.Kind);
        Assert.StartsWith(symbol, verdict.Refusal?.Symbol, StringComparison.Ordinal);
        Assert.Equal(via, verdict.Refusal?.Via);
    }

    // Solution code the BCL runs on the candidate's behalf without the candidate naming the member: a constructor that
    // Lazy<T> calls, a comparison that Sort calls, a formatter that string.Format asks for, an equality a set calls.
    private const string CalledByTheLibrary = """

        public sealed class Heavy
        {
            public Heavy() => File.Delete("/tmp/heavy");
        }

        public sealed class Ranked : IComparable<Ranked>
        {
            public int CompareTo(Ranked? other) { File.Delete("/tmp/ranked"); return 0; }
        }

        public sealed class Provider : IFormatProvider
        {
            public object? GetFormat(Type? formatType) { File.Delete("/tmp/provider"); return null; }
        }

        public sealed class Key
        {
            public override int GetHashCode() { File.Delete("/tmp/key"); return 0; }
        }
        """;

    [Theory]
    [InlineData("var lazy = new Lazy<Heavy>(); var made = lazy.Value;")]
    [InlineData("var list = new System.Collections.Generic.List<Ranked> { new Ranked(), new Ranked() }; list.Sort();")]
    [InlineData("var text = string.Format(new Provider(), \"{0}\", 1);")]
    [InlineData("var set = new System.Collections.Generic.HashSet<Key> { new Key() };")]
    public async Task Solution_code_the_library_calls_for_the_candidate_is_refused(string statement)
    {
        var verdict = await JudgeAsync(Harmless + CalledByTheLibrary, SafetySnippet.Method(statement) + CalledByTheLibrary);

        Assert.Equal(SafetyStatus.Unsafe, verdict.Status);
    }

    [Theory]
    [InlineData("var most = Math.Max(value.Length, 3);")]
    [InlineData("var joined = string.Join(\",\", value.Split(' '));")]
    [InlineData("var longer = System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(value.Split(' '), word => word.Length > 2), word => word.ToUpperInvariant()).ToList();")]
    [InlineData("var builder = new System.Text.StringBuilder(); builder.Append(value).Append('!'); var built = builder.ToString();")]
    [InlineData("Span<int> numbers = stackalloc int[4]; numbers[0] = value.Length;")]
    [InlineData("var (first, rest) = (value[0], value[1..]); var parsed = int.TryParse(rest, out var number);")]
    [InlineData("var half = Helpers.Half(value.Length);")]
    [InlineData("var map = new Dictionary<string, int> { [value] = 1 }; foreach (var pair in map) { _ = pair.Key; }")]
    [InlineData("var name = nameof(File.Delete);")]
    [InlineData("if (value.Length == 0) { throw new ArgumentException(\"empty\", nameof(value)); }")]
    public async Task Pure_code_the_file_did_not_use_before_lands(string statement)
    {
        var verdict = await JudgeAsync("using System.Collections.Generic;\nusing System.Linq;\n" + Harmless + Solution, "using System.Collections.Generic;\nusing System.Linq;\n" + SafetySnippet.Method(statement) + Solution);

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task What_the_member_already_referenced_stays_allowed_but_no_more()
    {
        var before = SafetySnippet.Method("var text = File.ReadAllText(value);");

        var same = await JudgeAsync(before, SafetySnippet.Method("var text = File.ReadAllText(value.Trim());"));
        var more = await JudgeAsync(before, SafetySnippet.Method("var text = File.ReadAllText(value.Trim()); var lines = File.ReadAllLines(value);"));

        Assert.True(same.IsSafe, same.Reason);
        Assert.Equal("System.IO.File.ReadAllLines", more.Refusal?.Symbol);
    }

    [Fact]
    public async Task Always_refused_even_when_the_member_used_it_before()
    {
        var before = SafetySnippet.Method("var kind = value.GetType();");

        var verdict = await JudgeAsync(before, SafetySnippet.Method("var kind = value.GetType(); var name = kind.FullName;"));

        Assert.Equal(RefusalKind.Reflection, verdict.Refusal?.Kind);
    }

    [Fact]
    public async Task Alias_changed_under_unchanged_code_is_seen()
    {
        var before = "using P = System.Text.StringBuilder;\n" + SafetySnippet.Method("var made = new P();");

        var verdict = await JudgeAsync(before, "using P = System.Diagnostics.Process;\n" + SafetySnippet.Method("var made = new P();"));

        Assert.Equal("System.Diagnostics.Process", verdict.Refusal?.Symbol);
    }

    [Fact]
    public async Task Removing_an_overload_under_unchanged_code_is_seen()
    {
        const string picks = """

            public static class Picks
            {
                public static int Pick(int value) => value;
                public static int Pick(long value) { File.Delete("/tmp/x"); return 0; }
            }
            """;
        var before = SafetySnippet.Method("var picked = Picks.Pick(1);") + picks;

        var after = before.Replace("    public static int Pick(int value) => value;\n", "", StringComparison.Ordinal);
        Assert.NotEqual(before, after);

        var verdict = await JudgeAsync(before, after);

        Assert.Equal("Picks.Pick", verdict.Refusal?.Symbol);
        Assert.Equal("System.IO.File.Delete", verdict.Refusal?.Via);
    }

    [Theory]
    [InlineData("    [Obsolete] public static void Added() { }\n", RefusalKind.NewAttribute)]
    [InlineData("    [System.Runtime.CompilerServices.ModuleInitializer] public static void Init() { }\n", RefusalKind.NewAttribute)]
    [InlineData("    static Sizes() { }\n", RefusalKind.TypeInitializer)]
    [InlineData("    ~Sizes() { }\n", RefusalKind.TypeInitializer)]
    [InlineData("    private sealed class Sneaky { }\n", RefusalKind.NewType)]
    [InlineData("    private static int Poke() { System.Span<int> s = stackalloc int[1]; return s[0]; } private static int* Raw;\n", RefusalKind.Native)]
    [InlineData("    private static int Call(int x) { int Local([System.Diagnostics.CodeAnalysis.NotNull] string s) => s.Length; return Local(\"\"); }\n", RefusalKind.NewAttribute)]
    public async Task Added_declaration_that_runs_uncalled_or_leaves_the_checks_is_refused(string member, RefusalKind kind)
    {
        var after = Harmless.Replace("    public static void Other", member + "\n    public static void Other", StringComparison.Ordinal);

        var verdict = await JudgeAsync(Harmless, after);

        Assert.Equal(kind, verdict.Refusal?.Kind);
    }

    [Fact]
    public async Task New_member_may_use_what_the_file_used()
    {
        var after = Harmless.Replace("    public static void Other", "    public static int Thrice(string value) => value.Length * 3;\n\n    public static void Other", StringComparison.Ordinal);

        var verdict = await JudgeAsync(Harmless, after);

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Capability_the_user_allows_widens_the_list()
    {
        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("var text = File.ReadAllText(value);"), [Capability.File], trust: CandidateTrust.Untrusted);

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Trusted_candidate_is_not_gated_by_the_list()
    {
        var verdict = await SafetySnippet.JudgeAsync(Harmless, SafetySnippet.Method("var text = File.ReadAllText(value);"), trust: CandidateTrust.Trusted);

        Assert.True(verdict.IsSafe, verdict.Reason);
    }

    [Fact]
    public async Task Change_outside_the_documents_is_refused()
    {
        var project = CodeLlama.Refactor.Testing.InMemoryProject.Create(Harmless);
        var changed = project.AddAdditionalDocument("notes.txt", "x").Project.Solution;

        var verdict = await new SafetyGate([], null).VerifyAsync(project.Solution, new Candidate("test", "edit", changed, 0), CancellationToken.None);

        Assert.Equal(RefusalKind.NotAllowed, verdict.Refusal?.Kind);
        Assert.Equal("the solution", verdict.Refusal?.Member);
    }

    private static Task<SafetyVerdict> JudgeAsync(string before, string after) =>
        SafetySnippet.JudgeAsync(before, after, trust: CandidateTrust.Untrusted);
}
