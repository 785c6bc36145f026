using System.Runtime.ExceptionServices;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// Runs one piece of work per plug at the same time. A device call holds its thread for a whole
/// exchange, so several plugs each get a thread of their own: otherwise their exchanges would queue
/// one behind the other and a slow server would stretch every poll by the number of plugs. A single
/// plug runs on the caller's thread and starts none.
/// </summary>
internal static class EachPlug
{
    /// <summary>
    /// Calls <paramref name="work"/> with each item and its index, and returns once every call has ended.
    /// A failure is rethrown as it was thrown (never wrapped): the first in the list's order that is not a
    /// cancellation, else the first cancellation, as awaiting the plugs' tasks together did.
    /// </summary>
    /// <remarks>The items are reference types, so that every use shares one compiled body (JIT path).</remarks>
    public static void Run<TItem>(IReadOnlyList<TItem> items, Action<TItem, int> work)
        where TItem : class
    {
        if (items.Count <= 1)
        {
            if (items.Count == 1)
            {
                work(items[0], 0);
            }

            return;
        }

        var failures = new Exception?[items.Count];
        var threads = new List<Thread>(items.Count);
        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                var plug = new PlugWork<TItem>(items[i], i, work, failures);
                var thread = new Thread(plug.Run) { IsBackground = true };
                thread.Start();
                threads.Add(thread);
            }
        }
        finally
        {
            // Also when a thread could not be started: the plugs already under way are not left running.
            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }

        Exception? first = null;
        foreach (Exception? failure in failures)
        {
            if (failure is not null && (first is null || (first is OperationCanceledException && failure is not OperationCanceledException)))
            {
                first = failure;
            }
        }

        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    /// <summary>One plug's share: its failure is kept for the caller, not left to end the process.</summary>
    private sealed class PlugWork<TItem>(TItem item, int index, Action<TItem, int> work, Exception?[] failures)
    {
        public void Run()
        {
            try
            {
                work(item, index);
            }
            catch (Exception e)
            {
                failures[index] = e;
            }
        }
    }
}
