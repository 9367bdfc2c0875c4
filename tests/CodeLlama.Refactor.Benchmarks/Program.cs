using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var benchmark = args.FirstOrDefault() ?? "";
        switch (benchmark)
        {
            case "check":
                // check [repetitions] [PROJECT-OR-SOLUTION (restored)] [--tool LABEL=DLL]...
                await CheckBenchmark.RunAsync(
                    Repetitions(args),
                    args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null,
                    [.. Tools(args)]);
                return 0;
            case "startup":
                // startup [repetitions] [--tool LABEL=DLL]... [--settings NAME,NAME]
                await StartupBenchmark.RunAsync(
                    args.Length > 1 && int.TryParse(args[1], out var starts) ? starts : 5,
                    [.. Tools(args)],
                    Option(args, "--settings")?.Split(',') ?? []);
                return 0;
            case "doc":
                // doc [repetitions] [solution] [--in-process]: the last leaves out the process comparison with dotnet build.
                await DocBenchmark.RunAsync(
                    Repetitions(args), args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null, args.Contains("--in-process"));
                return 0;
            case "verify":
                await VerifyBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 20);
                return 0;
            case "feedback":
                await FeedbackBenchmark.RunAsync(args.Length > 1 ? args[1] : null);
                return 0;
            case "model":
                await ModelBenchmark.RunAsync(Repetitions(args));
                return 0;
            case "slots":
                await SlotsBenchmark.RunStandaloneAsync();
                return 0;
            case "steps":
                // steps [THREADS] [--model FILE]
                DecodeStepBenchmark.Run(args.Length > 1 && int.TryParse(args[1], out var stepThreads) ? stepThreads : null, Option(args, "--model"));
                return 0;
            case "gpu":
                // gpu [--llama-native DIR] [--llama-bench PATH] [--shape 7b|tiny] [--prompt 512] [--generate 128] [--gpu-layers N] [--threads N] [--model FILE]
                await GpuBenchmark.RunAsync(args);
                return 0;
            case "serve":
                await ServeBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 40);
                return 0;
            case "repair" when args.Length > 1:
                await RepairBenchmark.RunAsync(
                    args[1], Option(args, "--target"), int.Parse(Option(args, "--per-class") ?? "3"), args.Contains("--tests"));
                return 0;
            case "engine" when args.Length > 1:
                // fix through the JSON report, this build beside a baseline build of the tool.
                await FixEngineBenchmark.RunAsync(
                    [.. args.Skip(1).TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal))],
                    Option(args, "--baseline"), int.Parse(Option(args, "--repetitions") ?? "1"), Option(args, "--reports"));
                return 0;
            case "fix-e2e":
                await FixEndToEndBenchmark.RunSyntheticAsync(
                    args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 3, Option(args, "--baseline-tool"), Option(args, "--tool"));
                return 0;
            case "fix-e2e-on" when args.Length > 4:
                // A real solution: fix-e2e-on SOLUTION FILE FIND REPLACE [repetitions] [--baseline-tool DLL] [--tool DLL]
                await FixEndToEndBenchmark.RunAsync(
                    args[1], args[2], args[3], args[4], args.Length > 5 && int.TryParse(args[5], out var count) ? count : 3, Option(args, "--baseline-tool"), Option(args, "--tool"));
                return 0;
            case "write-synthetic" when args.Length > 1:
                // The synthetic solution with its test project, to try the tool on by hand.
                var solution = await SyntheticSolution.WriteAsync(Path.GetFullPath(args[1]));
                await SyntheticTests.WriteAsync(Path.GetFullPath(args[1]), solution);
                Console.WriteLine($"Wrote {solution}");
                return 0;
            case "write-model" when args.Length > 1:
                // A model to try --model with: scripted when a text is given, random weights otherwise (--q4_0: as gpu --shape tiny writes it).
                var path = args.Contains("--q4_0")
                    ? TestModels.WriteRandomQ4_0(args[1], TinyLlamaShape.Benchmark)
                    : args.Length > 2
                    ? TestModels.WriteScripted(args[1], args[2])
                    : TestModels.WriteRandom(args[1], TinyLlamaShape.Benchmark);
                Console.WriteLine($"Wrote {path}");
                return 0;
            default:
                Console.Error.WriteLine(
                    "usage: CodeLlama.Refactor.Benchmarks check [repetitions] [PROJECT-OR-SOLUTION] [--tool LABEL=DLL]... | model [repetitions] | startup [repetitions] [--tool LABEL=DLL]... [--settings \"as shipped\",TieredPGO=1,TieredCompilation=0,TieredCompilation=1,TC_QuickJitForLoops=0,TC_CallCountingDelayMs=100,ReadyToRun=0] | doc [repetitions] [solution] [--in-process] | fix-e2e [repetitions] [--baseline-tool DLL] [--tool DLL] | fix-e2e-on SOLUTION FILE FIND REPLACE [repetitions] [--baseline-tool DLL] [--tool DLL] | slots | steps [threads] | verify [candidates] | feedback [library.sln] | serve [requests] | gpu [--llama-native DIR] [--llama-bench PATH] [--shape 7b|tiny] [--prompt N] [--generate N] [--gpu-layers N] [--threads N] [--model FILE] | write-synthetic FOLDER | write-model FILE.gguf [scripted text]"
                    + " | repair FOLDER [--target PROJECT-OR-SOLUTION] [--per-class N] [--tests]"
                    + " | engine FOLDER... [--baseline codellama-refactor.dll] [--repetitions N] [--reports FOLDER]");
                return 2;
        }
    }

    internal static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;

    private static IEnumerable<string> Options(string[] args, string name) =>
        args.Select((arg, index) => (arg, index)).Where(entry => entry.arg == name && entry.index + 1 < args.Length).Select(entry => args[entry.index + 1]);

    // --tool LABEL=DLL: a build of the tool to time besides (or instead of) this one.
    private static IEnumerable<(string Label, string Dll)> Tools(string[] args) =>
        Options(args, "--tool").Select(tool => (tool[..tool.IndexOf('=', StringComparison.Ordinal)], Path.GetFullPath(tool[(tool.IndexOf('=', StringComparison.Ordinal) + 1)..])));

    private static int Repetitions(string[] args) => args.Length > 1 ? int.Parse(args[1]) : 3;
}
