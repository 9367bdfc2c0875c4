using System.Collections.Concurrent;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// One long-lived thread that runs every decode, in the order requests arrive. llama.cpp's context is not thread-safe,
/// and its OpenMP backend keeps a team of spinning worker threads per calling thread: decoding from whichever
/// thread-pool thread a request lands on would build several teams that steal each other's cores.
/// </summary>
internal sealed class InferenceThread : IDisposable
{
    private readonly BlockingCollection<Action> queue = [];
    private readonly Thread thread;

    public InferenceThread()
    {
        thread = new Thread(Run) { IsBackground = true, Name = "llama.cpp inference" };
        thread.Start();
    }

    /// <summary>Queues <paramref name="work"/> and completes with its result once the thread has run it.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                completion.TrySetResult(work());
            }
            catch (OperationCanceledException exception)
            {
                completion.TrySetCanceled(exception.CancellationToken);
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        }, CancellationToken.None);
        return completion.Task;
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        thread.Join();
        queue.Dispose();
    }

    private void Run()
    {
        foreach (var work in queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
