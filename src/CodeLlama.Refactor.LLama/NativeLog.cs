using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Takes llama.cpp's log away from the console (it is chatty on every load) and keeps the last warnings and errors, so
/// that a failed load can say why.
/// </summary>
internal static class NativeLog
{
    private static readonly Lock Gate = new();
    private static readonly Queue<string> Recent = new();
    private static bool installed;

    /// <summary>Routes the log here; call before the first native call.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            NativeLibraryConfig.All.WithLogCallback(Receive);
            installed = true;
        }
    }

    /// <summary>The last error or warning lines, newest last.</summary>
    /// <returns>Up to five lines.</returns>
    public static IReadOnlyList<string> RecentProblems()
    {
        lock (Gate)
        {
            return Recent.ToList();
        }
    }

    /// <summary>Forgets the lines kept so far, before an operation whose failure should be explained.</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            Recent.Clear();
        }
    }

    private static void Receive(LLamaLogLevel level, string message)
    {
        if (level is not (LLamaLogLevel.Error or LLamaLogLevel.Warning) || string.IsNullOrWhiteSpace(message))
        {
            return;
        }

        lock (Gate)
        {
            Recent.Enqueue(message.Trim());
            while (Recent.Count > 5)
            {
                Recent.Dequeue();
            }
        }
    }
}
