namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// What code can do to the machine it runs on, beyond computing: a repair must not add one that the code it replaces
/// did not have, unless the project allows it.
/// </summary>
public enum Capability
{
    /// <summary>Starts processes.</summary>
    Process,

    /// <summary>Deletes, moves, creates or writes files and directories.</summary>
    File,

    /// <summary>Talks to the network: sockets, HTTP, DNS, pipes.</summary>
    Network,

    /// <summary>Reads or writes the Windows registry.</summary>
    Registry,

    /// <summary>Ends the process or changes its environment variables.</summary>
    Environment,

    /// <summary>Loads or emits code at run time: reflection emit, assembly loading, late-bound creation, scripting.</summary>
    Reflection,

    /// <summary>Leaves managed safety: P/Invoke, function pointers, unsafe code, Marshal.</summary>
    Native,
}
