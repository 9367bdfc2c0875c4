using System.CommandLine;
using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>--fim-format takes its values and its help from the FIM family descriptors, so a new family needs no CLI change.</summary>
public sealed class FimFamilyOptionTests
{
    public static TheoryData<string> Names => [.. FimFamilyDescriptor.All.Select(family => family.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_descriptor_is_a_value_by_its_lower_case_name(string name)
    {
        var command = new Command("fix") { ModelOptions.FimFormatOption };

        var lower = command.Parse(["--fim-format", name.ToLowerInvariant()]);
        var upper = command.Parse(["--fim-format", name.ToUpperInvariant()]);

        Assert.Empty(lower.Errors);
        Assert.Same(FimFamilyDescriptor.For(name), FimFamilyOption.Read(lower, ModelOptions.FimFormatOption));
        Assert.NotEmpty(upper.Errors);
    }

    [Fact]
    public void The_help_and_the_model_help_name_every_family_and_the_default_is_code_llama()
    {
        var command = new Command("fix") { ModelOptions.FimFormatOption };

        Assert.Same(FimFamilyDescriptor.CodeLlama, FimFamilyOption.Read(command.Parse([]), ModelOptions.FimFormatOption));
        Assert.All(FimFamilyDescriptor.All, family =>
        {
            Assert.Contains(family.Name.ToLowerInvariant(), ModelOptions.FimFormatOption.Description, StringComparison.Ordinal);
            Assert.Contains(family.Models, ModelOptions.ModelOption.Description, StringComparison.Ordinal);
        });
    }
}
