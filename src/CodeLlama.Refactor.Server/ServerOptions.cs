namespace CodeLlama.Refactor.Server;

/// <summary>Where <c>serve</c> listens and what it accepts.</summary>
/// <param name="Host">The address to bind; loopback unless the user opens it up.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="MaxRequestBytes">Larger request bodies get 413.</param>
public sealed record ServerOptions(string Host = "127.0.0.1", int Port = 8765, long MaxRequestBytes = 8 * 1024 * 1024);
