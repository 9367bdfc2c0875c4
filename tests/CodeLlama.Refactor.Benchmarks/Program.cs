namespace CodeLlama.Refactor.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var benchmark = args.FirstOrDefault() ?? "";
        switch (benchmark)
        {
            case "check":
                await CheckBenchmark.RunAsync(Repetitions(args));
                return 0;
            case "doc":
                await DocBenchmark.RunAsync(Repetitions(args));
                return 0;
            case "verify":
                await VerifyBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 20);
                return 0;
            case "model":
                await ModelBenchmark.RunAsync(Repetitions(args));
                return 0;
            default:
                Console.Error.WriteLine("usage: CodeLlama.Refactor.Benchmarks check|doc|model [repetitions] | verify [candidates]");
                return 2;
        }
    }

    private static int Repetitions(string[] args) => args.Length > 1 ? int.Parse(args[1]) : 3;
}
