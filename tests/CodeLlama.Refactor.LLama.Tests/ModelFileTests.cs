using CodeLlama.Refactor.LLama.Gguf;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

public sealed class ModelFileTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    [Fact]
    public void A_written_model_reads_back_with_its_architecture_vocabulary_and_tensors()
    {
        var header = GgufHeader.Read(models.ScriptedPath);

        Assert.Equal("llama", header.Architecture);
        Assert.Equal(CodeLlamaVocabulary.Size, header.Tokens.Count);
        Assert.Equal("▁<MID>", header.Tokens[CodeLlamaVocabulary.Middle]);
        Assert.Null(header.FirstTensorPastEnd(new FileInfo(models.ScriptedPath).Length));
        Assert.Contains(header.Tensors, tensor => tensor.Name == "output.weight");
    }

    [Fact]
    public void A_code_llama_vocabulary_without_an_eot_id_gets_32010_supplied()
    {
        Assert.Equal(32010, ModelFile.EndOfTextOverride(GgufHeader.Read(models.ScriptedPath)));

        var declared = TestModels.WriteRandom(Path.Combine(models.Folder, "declared-eot.gguf"), new TinyLlamaShape(DeclareEndOfText: true));
        Assert.Null(ModelFile.EndOfTextOverride(GgufHeader.Read(declared)));
    }

    [Fact]
    public void A_file_cut_inside_its_tensor_data_names_the_first_tensor_past_the_end()
    {
        var bytes = File.ReadAllBytes(models.ScriptedPath);
        var cut = Path.Combine(models.Folder, "cut.gguf");
        File.WriteAllBytes(cut, bytes[..(bytes.Length - 100)]);

        var exception = Assert.Throws<InputException>(() => ModelFile.Inspect(cut));

        Assert.Contains("truncated or corrupt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_refused_as_truncated()
    {
        var bytes = File.ReadAllBytes(models.ScriptedPath);
        var cut = Path.Combine(models.Folder, "header-cut.gguf");
        File.WriteAllBytes(cut, bytes[..4000]);

        var exception = Assert.Throws<InputException>(() => ModelFile.Inspect(cut));

        Assert.Contains("truncated", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_whose_kv_cache_exceeds_memory_is_refused()
    {
        var header = GgufHeader.Read(models.ScriptedPath);

        Assert.Equal(2L * 1 * 1000 * 64 * 2, MemoryBudget.KvCacheBytes(header, 1000));
        MemoryBudget.Check(header, modelBytes: 1000, contextSize: 1000, availableBytes: 1L << 30);
        var exception = Assert.Throws<InputException>(() => MemoryBudget.Check(header, 1000, 1_000_000, availableBytes: 1L << 20));
        Assert.Contains("--context", exception.Message, StringComparison.Ordinal);
    }
}
