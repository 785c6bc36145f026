using System.Text.Json;
using FenceZvm.Simulator.Model;

namespace FenceZvm.Simulator.State;

/// <summary>Rewrites the state file atomically (temporary file, then rename) after every change of the model.</summary>
public sealed class StateFileWriter : IDisposable
{
    private readonly Lock gate = new();
    private readonly ZvmSystem system;
    private readonly string path;

    public StateFileWriter(ZvmSystem system, string path)
    {
        this.system = system;
        this.path = Path.GetFullPath(path);
        Write();
        system.Changed += Write;
    }

    public static StateDocument ToDocument(IEnumerable<GuestSnapshot> guests) =>
        new(guests.Select(g => new GuestRecord(
            g.Name,
            g.Active ? "on" : "off",
            g.State switch
            {
                GuestState.Activating => "activating",
                GuestState.Deactivating => "deactivating",
                _ => null,
            },
            g.Stuck,
            g.LogonTime,
            g.Activations,
            g.Deactivations,
            g.Recycles,
            g.LogoffTime)).ToArray());

    public static StateDocument Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllBytes(path), StateJsonContext.Default.StateDocument)
            ?? throw new InvalidDataException($"{path} holds no state");

    public void Write()
    {
        lock (gate)
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(ToDocument(system.Snapshot()), StateJsonContext.Default.StateDocument);
            string temporary = path + ".tmp";
            File.WriteAllBytes(temporary, json);
            File.Move(temporary, path, overwrite: true);
        }
    }

    public void Dispose() => system.Changed -= Write;
}
