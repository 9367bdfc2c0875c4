using System.Collections.Concurrent;
using System.Diagnostics;
using CodeLlama.Refactor.Inference;
using LLama;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// The one thread that runs every decode, with continuous batching: each step puts into a single batch the next token
/// of every candidate of every request in flight and the next chunk of any prompt still being read, so concurrent
/// requests share decode steps instead of waiting their turn, and a request that arrives joins at the next step.
/// One thread, because llama.cpp's context is not thread-safe and its OpenMP backend keeps a team of spinning workers
/// per calling thread.
/// </summary>
internal sealed class ContinuousBatcher : IDisposable
{
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly InfillStatistics statistics;
    private readonly TokenPieces pieces;
    private readonly HashSet<int> endTokens;
    private readonly bool reusePrefix;
    private readonly EngineSlot[] slots;
    private readonly BlockingCollection<InfillJob> incoming = [];
    private readonly List<InfillJob> waiting = [];
    // Open except while a test holds it (Hold): requests then queue up and all join the first step once it opens.
    private readonly ManualResetEventSlim admitting = new(initialState: true);
    private readonly Thread thread;

    public ContinuousBatcher(
        LLamaWeights weights, LLamaContext context, InfillStatistics statistics, TokenPieces pieces, int slotCount, int candidatesPerSlot, bool reusePrefix)
    {
        this.weights = weights;
        this.pieces = pieces;
        this.context = context;
        this.statistics = statistics;
        this.reusePrefix = reusePrefix;
        var vocabulary = weights.Vocab;
        endTokens = new[] { vocabulary.EOT, vocabulary.EOS, vocabulary.InfillPad, vocabulary.InfillSep, vocabulary.InfillRep }
            .Where(token => token is not null).Select(token => (int)token!.Value).ToHashSet();
        slots = Enumerable.Range(0, slotCount).Select(index => new EngineSlot(index, index * candidatesPerSlot)).ToArray();
        thread = new Thread(Run) { IsBackground = true, Name = "llama.cpp inference" };
        thread.Start();
    }

    public int SlotCount => slots.Length;

    /// <summary>Requests submitted that no slot has taken yet (read without a lock: a moment's view).</summary>
    public int Deferred => waiting.Count + incoming.Count;

    /// <summary>What each slot is doing (read without a lock, from another thread: a moment's view for /slots).</summary>
    /// <returns>One entry per slot.</returns>
    public IReadOnlyList<SlotState> Snapshot() => slots.Select(slot => slot.Job is { } job
            ? new SlotState(slot.Index, true, job.Position, job.Candidates.Count > 0 ? job.Candidates[0].TokenCount : 0, Math.Max(0, job.MaxNew - job.Step))
            : new SlotState(slot.Index, false, slot.Cached.Length, 0, -1))
        .ToList();

    public Task<InfillResult> Submit(InfillJob job)
    {
        incoming.Add(job, CancellationToken.None);
        return job.Completion.Task;
    }

    /// <summary>Keeps the next step from starting until the result is disposed, so that requests submitted meanwhile start together.</summary>
    /// <returns>Opens the way again when disposed.</returns>
    public IDisposable Hold()
    {
        admitting.Reset();
        return new Opening(admitting);
    }

    public void Dispose()
    {
        admitting.Set();
        incoming.CompleteAdding();
        thread.Join();
        incoming.Dispose();
        admitting.Dispose();
    }

    private sealed class Opening(ManualResetEventSlim admitting) : IDisposable
    {
        public void Dispose() => admitting.Set();
    }

    private static int CommonPrefix(LLamaToken[] first, LLamaToken[] second)
    {
        var length = Math.Min(first.Length, second.Length);
        var index = 0;
        while (index < length && first[index] == second[index])
        {
            index++;
        }

        return index;
    }

    private void Run()
    {
        var batch = new LLamaBatch();
        while (true)
        {
            var busy = slots.Any(slot => slot.Job is not null) || waiting.Count > 0;
            if (!busy)
            {
                if (!incoming.TryTake(out var first, Timeout.Infinite))
                {
                    return;
                }

                waiting.Add(first);
            }

            admitting.Wait();
            while (incoming.TryTake(out var more))
            {
                waiting.Add(more);
            }

            Admit();
            try
            {
                Step(batch);
            }
            catch (Exception exception)
            {
                FailAll(exception);
            }
        }
    }

    // Gives waiting requests a free slot: the one asked for, else the one whose cached prompt they share most of.
    private void Admit()
    {
        for (var index = 0; index < waiting.Count; index++)
        {
            var job = waiting[index];
            if (job.CancellationToken.IsCancellationRequested)
            {
                job.Completion.TrySetCanceled(job.CancellationToken);
                waiting.RemoveAt(index--);
                continue;
            }

            var free = slots.Where(slot => slot.Job is null && (job.Request.Slot is not { } wanted || slot.Index == wanted % slots.Length)).ToList();
            if (free.Count == 0)
            {
                continue;
            }

            var slot = free.MaxBy(candidate => CommonPrefix(candidate.Cached, job.Prompt))!;
            waiting.RemoveAt(index--);
            Start(job, slot);
        }
    }

    private void Start(InfillJob job, EngineSlot slot)
    {
        var handle = context.NativeHandle;
        job.Slot = slot;
        slot.Job = job;
        for (var offset = 1; offset < job.CandidateCount; offset++)
        {
            handle.MemorySequenceRemove((LLamaSeqId)(slot.FirstSequence + offset), 0, -1);
        }

        // Keep the common prefix, but always evaluate the last token again: its logits start the completion.
        var reused = reusePrefix ? Math.Min(CommonPrefix(slot.Cached, job.Prompt), job.Prompt.Length - 1) : 0;
        handle.MemorySequenceRemove((LLamaSeqId)slot.FirstSequence, reused, -1);
        slot.Cached = [];
        job.Position = reused;
        job.Reused = reused;
        job.StartPrompt();
    }

    private void Step(LLamaBatch batch)
    {
        batch.Clear();
        var capacity = (int)context.BatchSize;
        var active = slots.Select(slot => slot.Job).OfType<InfillJob>().ToList();
        var sequences = 0;
        foreach (var job in active)
        {
            if (job.CancellationToken.IsCancellationRequested)
            {
                Finish(job, cancelled: true);
            }
            else if (job.Generating)
            {
                sequences += SampleAndQueue(job, batch);
            }
        }

        // Prompts fill the room the generating sequences leave, so a long prompt cannot stall the others.
        var prompts = new List<InfillJob>();
        foreach (var job in active.Where(job => job.Slot?.Job == job && !job.Generating))
        {
            var room = capacity - batch.TokenCount;
            if (room <= 0)
            {
                break;
            }

            var end = Math.Min(job.Prompt.Length, job.Position + room);
            var sequence = (LLamaSeqId)job.Slot!.FirstSequence;
            var last = -1;
            for (var position = job.Position; position < end; position++)
            {
                last = batch.Add(job.Prompt[position], position, sequence, position == job.Prompt.Length - 1);
            }

            job.Position = end;
            sequences++;
            if (end == job.Prompt.Length)
            {
                prompts.Add(job);
                job.PromptLogits = last;
            }
        }

        if (batch.TokenCount > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var result = context.Decode(batch);
            statistics.AddDecode(batch.TokenCount, sequences, Stopwatch.GetElapsedTime(started));
            if (result != DecodeResult.Ok)
            {
                throw new InferenceException($"llama.cpp could not decode a batch of {batch.TokenCount} tokens ({result}).");
            }
        }

        foreach (var job in prompts)
        {
            BeginGeneration(job, job.PromptLogits);
        }
    }

    private void BeginGeneration(InfillJob job, int logits)
    {
        var handle = context.NativeHandle;
        var slot = job.Slot!;
        statistics.AddPrompt(job.Prompt.Length - job.Reused, job.Reused, job.PromptTime);
        job.StartGeneration();
        job.Step = 0;
        for (var offset = 0; offset < job.CandidateCount; offset++)
        {
            if (offset > 0 && job.MaxNew > 0)
            {
                handle.MemorySequenceCopy((LLamaSeqId)slot.FirstSequence, (LLamaSeqId)(slot.FirstSequence + offset), 0, -1);
            }

            var request = job.Request;
            var sampler = new TokenSampler(job.Temperature, job.Seed + offset, request.TopK ?? SamplingSettings.Default.TopK, request.TopP ?? SamplingSettings.Default.TopP);
            var candidate = new CandidateSequence(weights, sampler, (LLamaSeqId)(slot.FirstSequence + offset), offset) { LogitIndex = logits };
            job.Candidates.Add(candidate);
            if (job.MaxNew == 0)
            {
                candidate.End(finished: false);
            }
        }

        if (job.MaxNew == 0)
        {
            // A prompt-only request (a cache warm-up): its prompt stays in the slot, nothing is generated.
            Finish(job, cancelled: false);
        }
    }

    // Samples the next token of every live candidate and queues it for the next decode; finishes the job when none is left.
    // Returns how many sequences it queued a token for.
    private int SampleAndQueue(InfillJob job, LLamaBatch batch)
    {
        var handle = context.NativeHandle;
        var queued = 0;
        foreach (var candidate in job.Candidates.Where(candidate => !candidate.Done))
        {
            var logits = handle.GetLogitsIth(candidate.LogitIndex);
            var (token, logProbability) = candidate.Sampler.Sample(logits);
            if (endTokens.Contains(token))
            {
                candidate.End(finished: true);
                continue;
            }

            var generated = new GeneratedToken(token, pieces.Bytes(token), logProbability)
            {
                Alternatives = job.Request.Probabilities > 0
                    ? candidate.Sampler.Alternatives(logits, job.Request.Probabilities)
                        .Select(alternative => new GeneratedToken(alternative.Token, pieces.Bytes(alternative.Token), alternative.LogProbability)).ToList()
                    : [],
            };
            if (!candidate.Add(generated, job))
            {
                continue;
            }

            if (job.Step + 1 >= job.MaxNew)
            {
                candidate.End(finished: false);
                continue;
            }

            candidate.LogitIndex = batch.Add((LLamaToken)token, job.Prompt.Length + job.Step, candidate.Sequence, true);
            queued++;
        }

        job.Step++;
        if (job.Candidates.All(candidate => candidate.Done))
        {
            Finish(job, cancelled: false);
        }

        return queued;
    }

    private void Finish(InfillJob job, bool cancelled)
    {
        var handle = context.NativeHandle;
        var slot = job.Slot!;
        job.StopClocks();

        // Forget the completions: the next prompt may share this one's prefix, never its completions.
        handle.MemorySequenceRemove((LLamaSeqId)slot.FirstSequence, job.Request.CachePrompt && !cancelled ? job.Prompt.Length : 0, -1);
        for (var offset = 1; offset < job.CandidateCount; offset++)
        {
            handle.MemorySequenceRemove((LLamaSeqId)(slot.FirstSequence + offset), 0, -1);
        }

        slot.Cached = job.Request.CachePrompt && !cancelled ? job.Prompt : [];
        slot.Job = null;
        if (cancelled)
        {
            job.Completion.TrySetCanceled(job.CancellationToken);
            return;
        }

        statistics.AddRequest();
        statistics.AddGeneration(job.Candidates.Sum(candidate => candidate.TokenCount), job.GenerationTime);
        var completions = job.Candidates
            .Select(candidate => new InfillCompletion(candidate.Text, candidate.LogProbability, candidate.Finished, candidate.TokenCount)
            {
                StoppingWord = candidate.StoppingWord,
                Index = candidate.Index,
                Tokens = candidate.Tokens,
            })
            .OrderByDescending(completion => completion.LogProbability)
            .ToList();
        job.Completion.TrySetResult(new InfillResult(completions, job.Prompt.Length, job.Prompt.Length - job.Reused, job.PromptTime, job.GenerationTime)
        {
            Slot = slot.Index,
        });
    }

    // A failed decode leaves the KV cache in an unknown state: every request in flight fails, every cache is dropped.
    private void FailAll(Exception exception)
    {
        var handle = context.NativeHandle;
        foreach (var slot in slots)
        {
            if (slot.Job is { } job)
            {
                job.StopClocks();
                job.Completion.TrySetException(exception);
                slot.Job = null;
            }

            slot.Cached = [];
        }

        handle.MemoryClear(true);
    }
}
