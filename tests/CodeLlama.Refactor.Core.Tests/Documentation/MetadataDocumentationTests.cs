using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

public sealed class MetadataDocumentationTests
{
    [Fact]
    public async Task AMemberOfAReferencedAssembly_IsDocumented_ExactlyWhereRoslynsProviderHasAComment()
    {
        // A library with its XML documentation file beside it: one member documented, one with an element of white space
        // only, one with an empty element, one whose comment is an inheritdoc, one absent. The answer must be Roslyn's for
        // each: an element, even an empty one, is a comment.
        var folder = Directory.CreateTempSubdirectory("metadata-docs-").FullName;
        try
        {
            var library = InMemoryProject.Create("public class Base\n{\n    public virtual void Documented() { }\n    public virtual void Empty() { }\n    public virtual void Absent() { }\n    public virtual void Inherits() { }\n    public virtual void Bare() { }\n}\n");
            var dll = Path.Combine(folder, "Library.dll");
            var emitted = (await library.GetCompilationAsync())!.WithAssemblyName("Library").Emit(dll);
            Assert.True(emitted.Success);
            var xml = Path.ChangeExtension(dll, ".xml");
            await File.WriteAllTextAsync(xml, """
                <?xml version="1.0"?>
                <doc>
                  <assembly><name>Library</name></assembly>
                  <members>
                    <member name="M:Base.Documented"><summary>Does it.</summary></member>
                    <member name="M:Base.Empty">
                    </member>
                    <member name="M:Base.Inherits"><inheritdoc/></member>
                    <member name="M:Base.Bare"/>
                  </members>
                </doc>
                """);
            var user = InMemoryProject.Create("public class Derived : Base\n{\n}\n");
            var compilation = (await user.GetCompilationAsync())!
                .AddReferences(MetadataReference.CreateFromFile(dll, documentation: XmlDocumentationProvider.CreateFromFile(xml)));
            var members = compilation.GetTypeByMetadataName("Base")!.GetMembers().OfType<IMethodSymbol>()
                .Where(method => method.MethodKind == MethodKind.Ordinary).ToList();

            var answers = members.ToDictionary(member => member.Name, member => MetadataDocumentation.IsDocumented(member, compilation));

            Assert.Equal(5, answers.Count);
            Assert.All(members, member => Assert.Equal(!string.IsNullOrWhiteSpace(member.GetDocumentationCommentXml()), answers[member.Name]));
            Assert.True(answers["Documented"]);
            Assert.True(answers["Inherits"]);
            Assert.True(answers["Empty"]);
            Assert.True(answers["Bare"]);
            Assert.False(answers["Absent"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
