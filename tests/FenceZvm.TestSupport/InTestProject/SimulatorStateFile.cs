using System.Text.Json;
using FenceZvm.Simulator.State;

namespace FenceZvm.Tests.Support;

/// <summary>What an smapi-sim process's state file says of a guest: the proof of what an agent run elsewhere did.</summary>
public static class SimulatorStateFile
{
    /// <summary>The guest's record (the simulator rewrites the file atomically after every change).</summary>
    public static GuestRecord Guest(this SmapiSimProcess sim, string name)
    {
        string stateFile = sim.StateFile ?? throw new AssertionException("the simulator was started without a state file");
        StateDocument document;
        try
        {
            document = StateFileWriter.Read(stateFile);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidDataException)
        {
            throw new AssertionException($"cannot read the simulator's state file {stateFile}: {e.Message}");
        }

        return document.Guests.FirstOrDefault(g => g.Name == name)
            ?? throw new AssertionException($"guest {name} is not in {stateFile}: {File.ReadAllText(stateFile)}");
    }
}
