using FenceZvm.Agent.Power;

namespace FenceZvm.Agent.Actions;

/// <summary>
/// Runs one piece of work per plug at the same time. When the device's calls hold their thread for a
/// whole exchange (<see cref="IPowerDevice.CallsBlock"/>), several plugs each get a thread of their own:
/// otherwise their exchanges would queue one behind the other and a slow server would stretch every
/// poll by the number of plugs. A single plug always runs on the caller's thread and starts none.
/// </summary>
internal static class EachPlug
{
    public static Task<TResult[]> RunAsync<TItem, TResult>(IPowerDevice device, IReadOnlyList<TItem> items, Func<TItem, int, Task<TResult>> work)
    {
        bool threads = device.CallsBlock && items.Count > 1;
        var tasks = new Task<TResult>[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            TItem item = items[i];
            int index = i;
            tasks[i] = threads
                ? Task.Factory.StartNew(() => work(item, index), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
                : work(item, index);
        }

        return Task.WhenAll(tasks);
    }

    public static Task RunAsync<TItem>(IPowerDevice device, IReadOnlyList<TItem> items, Func<TItem, Task> work) =>
        RunAsync(device, items, async (item, _) =>
        {
            await work(item).ConfigureAwait(false);
            return true;
        });
}
