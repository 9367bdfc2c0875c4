using CodeLlama.Refactor.Testing;
using YamlDotNet.RepresentationModel;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The repository's composite action (action.yml at its root), read as YAML, so that tests run its own steps.</summary>
internal static class ActionFile
{
    public static string Path { get; } = System.IO.Path.Combine(Samples.RepositoryRoot, "action.yml");

    public static YamlMappingNode Load(string? text = null) => LoadYaml(text ?? File.ReadAllText(Path));

    public static YamlMappingNode LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The shell script of the step with <paramref name="id"/>.</summary>
    public static string Script(string id) =>
        Scalar(Steps(Load()).Single(step => step.Children.TryGetValue("id", out var value) && Scalar(value) == id), "run");

    /// <summary>
    /// The action's steps as the job of a reusable workflow whose inputs are the action's and whose outputs are its
    /// outputs: actionlint lints workflows, and this way checks the steps, the expressions and the inputs they name.
    /// </summary>
    public static string AsWorkflow(string? text = null)
    {
        var action = Load(text);
        var inputs = new YamlMappingNode();
        foreach (var (name, input) in (YamlMappingNode)action["inputs"])
        {
            var declared = new YamlMappingNode { { "type", "string" } };
            foreach (var key in new[] { "required", "default", "description" })
            {
                if (((YamlMappingNode)input).Children.TryGetValue(key, out var value))
                {
                    declared.Add(key, value);
                }
            }

            inputs.Add(name, declared);
        }

        var outputs = new YamlMappingNode();
        foreach (var (name, output) in (YamlMappingNode)action["outputs"])
        {
            outputs.Add(name, ((YamlMappingNode)output)["value"]);
        }

        var workflow = new YamlMappingNode
        {
            { "on", new YamlMappingNode { { "workflow_call", new YamlMappingNode { { "inputs", inputs } } } } },
            {
                "jobs", new YamlMappingNode
                {
                    {
                        "action", new YamlMappingNode
                        {
                            { "runs-on", "ubuntu-latest" },
                            { "outputs", outputs },
                            { "steps", new YamlSequenceNode(Steps(action)) },
                        }
                    },
                }
            },
        };
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(workflow)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode action) =>
        ((YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"]).Children.Cast<YamlMappingNode>().ToList();

    public static string Scalar(YamlNode node, string key) => Scalar(((YamlMappingNode)node)[key]);

    public static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
