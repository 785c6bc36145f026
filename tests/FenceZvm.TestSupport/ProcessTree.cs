using System.Globalization;

namespace FenceZvm.TestSupport;

/// <summary>
/// Processes as /proc shows them: whether one still runs, and what a program started, so that what outlives
/// it (reparented, out of reach of its tree) can still be stopped. Each is known by PID and start time, so a
/// reused PID is left alone.
/// </summary>
public static class ProcessTree
{
    /// <summary>Running: /proc has it and it is not a zombie waiting for its parent.</summary>
    public static bool Running(int pid) => Stat(pid) is { State: not 'Z' };

    internal static List<(int Pid, long Started)> Below(int root)
    {
        var children = new Dictionary<int, List<(int Pid, long Started)>>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out int pid) && Stat(pid) is { } stat)
            {
                (children.TryGetValue(stat.Parent, out var list) ? list : children[stat.Parent] = []).Add((pid, stat.Started));
            }
        }

        var below = new List<(int Pid, long Started)>();
        var next = new Queue<int>([root]);
        while (next.TryDequeue(out int pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                below.Add(child);
                next.Enqueue(child.Pid);
            }
        }

        return below;
    }

    /// <summary>SIGKILL to each that still runs as the same process.</summary>
    internal static void Kill(IEnumerable<(int Pid, long Started)> processes)
    {
        foreach (var (pid, started) in processes)
        {
            if (Stat(pid) is { } stat && stat.Started == started)
            {
                Signals.Kill(pid);
            }
        }
    }

    /// <summary>Fields 3 (state), 4 (parent) and 22 (start time) of /proc/PID/stat; null when the process is gone.</summary>
    private static (char State, int Parent, long Started)? Stat(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
