namespace CodeLlama.Refactor.Candidates.Model;

/// <summary>How a repair is asked of the model.</summary>
public enum RepairPromptStyle
{
    /// <summary>Fill in the middle: the file with the broken code cut out, the diagnostic as comments above the gap.</summary>
    Fim,

    /// <summary>An instruction through the GGUF's chat template (Code Llama Instruct), answered with a code block.</summary>
    Instruct,
}
