using System.Runtime.InteropServices;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Start-up: <c>--version</c> and <c>check</c> on a one-file project, each a fresh process, for every build of the tool
/// given (this build, a baseline, a ReadyToRun publish...) and every runtime setting variant (tiered compilation,
/// dynamic PGO, quick jit for loops, call counting delay, ReadyToRun code ignored), interleaved round by round so that
/// the machine's load falls on all of them alike. Reports the median wall time of each, and the median processor time of the process and
/// of the processes it waited for (MSBuild's build host): on a busy machine the wall time says more about the others.
/// Goal: check on a one-file project within 1.5 s.
/// </summary>
internal static class StartupBenchmark
{
    // Each variant is a set of DOTNET_ environment variables, which the runtime reads at start-up and which win over the
    // tool's runtimeconfig.json (TieredPGO off in every build, CallCountingDelayMs 0 in every jitted one, TieredCompilation off
    // in a `dotnet publish -r`): "as shipped" is the tool's own settings, the others undo or add one each.
    private static readonly (string Name, (string Variable, string Value)[] Environment)[] AllSettings =
    [
        ("as shipped", []),
        ("TieredPGO=1", [("DOTNET_TieredPGO", "1")]),
        ("TieredCompilation=0", [("DOTNET_TieredCompilation", "0")]),
        ("TieredCompilation=1", [("DOTNET_TieredCompilation", "1")]),
        ("TC_QuickJitForLoops=0", [("DOTNET_TC_QuickJitForLoops", "0")]),
        ("TC_CallCountingDelayMs=100", [("DOTNET_TC_CallCountingDelayMs", "100")]),
        ("ReadyToRun=0", [("DOTNET_ReadyToRun", "0")]),
    ];

    /// <summary>Times the tools.</summary>
    /// <param name="repetitions">Runs of each command per tool and variant.</param>
    /// <param name="tools">Label and <c>codellama-refactor.dll</c> of each build to time; this build when empty.</param>
    /// <param name="settings">Names of the variants to run (see <see cref="AllSettings"/>); all when empty.</param>
    public static async Task RunAsync(int repetitions, IReadOnlyList<(string Label, string Dll)> tools, IReadOnlyList<string> settings)
    {
        if (tools.Count == 0)
        {
            tools = [("this build", Path.Combine(AppContext.BaseDirectory, "codellama-refactor.dll"))];
        }

        var variants = settings.Count == 0 ? AllSettings : AllSettings.Where(variant => settings.Contains(variant.Name)).ToArray();
        var root = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "startup-" + Guid.NewGuid().ToString("N")[..8]);
        var project = await WriteOneFileProjectAsync(root);
        Console.WriteLine($"uptime: {Uptime()}");
        Console.WriteLine($"{repetitions} runs of each; one-file project {project}");

        var runs = new Dictionary<(string Tool, string Variant, string Command), List<(TimeSpan Wall, TimeSpan Processor)>>();
        string[][] commands = [["--version"], ["check", project, "--verbosity", "quiet"]];
        // One untimed run per tool first: the first start after a build pays for reading the files from disk.
        foreach (var (_, dll) in tools)
        {
            await RunAsync(dll, root, ["--version"], []);
        }

        for (var round = 0; round < repetitions; round++)
        {
            foreach (var (label, dll) in tools)
            {
                foreach (var (variant, environment) in variants)
                {
                    foreach (var command in commands)
                    {
                        var key = (label, variant, command[0]);
                        runs.TryAdd(key, []);
                        runs[key].Add(await RunAsync(dll, root, command, environment));
                    }
                }
            }

            Console.WriteLine($"  round {round + 1} of {repetitions} done ({Uptime()})");
        }

        Console.WriteLine($"uptime: {Uptime()}");
        Console.WriteLine($"{"tool",-24} {"settings",-28} {"--version",10} {"check",10} {"--version cpu",14} {"check cpu",10}   (median of {repetitions}, seconds)");
        foreach (var (label, _) in tools)
        {
            foreach (var (variant, _) in variants)
            {
                var version = runs[(label, variant, "--version")];
                var check = runs[(label, variant, "check")];
                Console.WriteLine($"{label,-24} {variant,-28} {Median(version, run => run.Wall),10:0.000} {Median(check, run => run.Wall),10:0.000} "
                    + $"{Median(version, run => run.Processor),14:0.000} {Median(check, run => run.Processor),10:0.000}");
            }
        }

        Console.WriteLine("goal: check on a one-file project <= 1.5 s");
        if (System.Environment.GetEnvironmentVariable("KEEP_BENCH") is null)
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // A library of one documented class, restored, so that check has nothing to report and nothing to restore.
    private static async Task<string> WriteOneFileProjectAsync(string root)
    {
        Directory.CreateDirectory(root);
        var project = Path.Combine(root, "One.csproj");
        await File.WriteAllTextAsync(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(root, "Greeter.cs"), """
            namespace One;

            /// <summary>Greets.</summary>
            public static class Greeter
            {
                /// <summary>Says hello.</summary>
                /// <param name="name">Whom to greet.</param>
                /// <returns>The greeting.</returns>
                public static string Hello(string name) => "Hello, " + name;
            }
            """);
        await Measure.ProcessAsync("dotnet", root, "restore", project);
        return project;
    }

    private static double Median(List<(TimeSpan Wall, TimeSpan Processor)> runs, Func<(TimeSpan Wall, TimeSpan Processor), TimeSpan> pick) =>
        Measure.Median(runs.Select(pick)).TotalSeconds;

    private static async Task<(TimeSpan Wall, TimeSpan Processor)> RunAsync(string dll, string workingDirectory, string[] arguments, (string Variable, string Value)[] environment)
    {
        var processorBefore = ChildrenProcessorTime();
        var (elapsed, _) = await Measure.RunAsync("dotnet", workingDirectory, environment, [dll, .. arguments]);
        return (elapsed, ChildrenProcessorTime() - processorBefore);
    }

    // User and system time of the children this process has waited for, and of theirs (Linux; zero elsewhere).
    private static TimeSpan ChildrenProcessorTime()
    {
        if (!OperatingSystem.IsLinux() || GetResourceUsage(ResourceUsageChildren, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds)
            + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    private const int ResourceUsageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    private static string Uptime() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "(no /proc/loadavg)";
}
