using System.CommandLine;
using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>
/// An option naming a FIM family: its values and its help come from <see cref="FimFamilyDescriptor.All"/>, so that a new
/// family is a new descriptor and nothing here. Values are the descriptors' names in lower case, as the help writes choices.
/// </summary>
internal static class FimFamilyOption
{
    /// <summary>The models of every family, for help texts: "Code Llama, StarCoder, StarCoder2, …".</summary>
    public static string ModelNames => string.Join(", ", FimFamilyDescriptor.All.Select(family => family.Models));

    /// <summary>An option whose value is one family's name; the first family's (Code Llama's) when not given.</summary>
    public static Option<string> Create(string name, string description)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description}: {string.Join(", ", FimFamilyDescriptor.All.Select(family => $"{ValueOf(family)} ({family.Models})"))}.",
            DefaultValueFactory = _ => ValueOf(FimFamilyDescriptor.All[0]),
        };
        option.AcceptOnlyFromAmong([.. FimFamilyDescriptor.All.Select(ValueOf)]);
        return option;
    }

    /// <summary>The family <paramref name="option"/> names in <paramref name="parseResult"/>.</summary>
    public static FimFamilyDescriptor Read(ParseResult parseResult, Option<string> option) =>
        FimFamilyDescriptor.For(parseResult.GetValue(option) ?? ValueOf(FimFamilyDescriptor.All[0]));

    private static string ValueOf(FimFamilyDescriptor family) => family.Name.ToLowerInvariant();
}
