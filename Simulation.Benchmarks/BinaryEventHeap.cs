namespace Simulation.Benchmarks;

/// <summary>
/// A plain binary min-heap on (time, sequence), the textbook event list, kept only as the comparison
/// point for <see cref="Simulation.Core.Engine.Simulator"/>'s 4-ary heap in <see cref="EventQueueBenchmarks"/>.
/// </summary>
internal sealed class BinaryEventHeap
{
    private (double Time, long Sequence, int Entity)[] _items;
    private long _nextSequence;

    public BinaryEventHeap(int capacity) => _items = new (double, long, int)[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    private static bool Before(in (double Time, long Sequence, int Entity) a, in (double Time, long Sequence, int Entity) b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    public void Push(double time, int entity)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var item = (time, _nextSequence++, entity);
        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Before(item, _items[parent])) break;
            _items[i] = _items[parent];
            i = parent;
        }
        _items[i] = item;
    }

    public (double Time, long Sequence, int Entity) Pop()
    {
        var top = _items[0];
        var item = _items[--Count];
        int n = Count, i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= n) break;
            if (child + 1 < n && Before(_items[child + 1], _items[child])) child++;
            if (!Before(_items[child], item)) break;
            _items[i] = _items[child];
            i = child;
        }
        if (n > 0) _items[i] = item;
        return top;
    }
}
