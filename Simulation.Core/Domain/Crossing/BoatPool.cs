namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// The boats of one replication as structs in one array, reused across replications. A boat's
/// index is its serial number k; callers hold a boat by <c>ref</c> and never across <see cref="Add"/>,
/// which may move the array.
/// </summary>
internal sealed class BoatPool
{
    private Boat[] _boats = new Boat[2048];

    /// <summary>Boats launched so far in this replication.</summary>
    public int Count { get; private set; }

    public ref Boat this[int k] => ref _boats[k];

    /// <summary>A fresh boat at the end of the pool; returns its serial number.</summary>
    public int Add()
    {
        if (Count == _boats.Length) Array.Resize(ref _boats, _boats.Length * 2);
        int k = Count++;
        _boats[k] = default;
        return k;
    }

    public void Clear() => Count = 0;
}
