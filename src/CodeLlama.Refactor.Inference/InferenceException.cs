namespace CodeLlama.Refactor.Inference;

/// <summary>A model or endpoint could not answer one request; the caller falls back to what is embedded.</summary>
public class InferenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InferenceException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public InferenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public InferenceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The prompt leaves no room for a completion in the model's context.</summary>
public sealed class PromptTooLongException : InferenceException
{
    /// <summary>Creates the exception.</summary>
    public PromptTooLongException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public PromptTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public PromptTooLongException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
