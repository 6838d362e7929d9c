using System.Runtime.CompilerServices;

namespace Simulation.Core.Engine;

/// <summary>
/// The discrete-event kernel: a clock in hours and a 4-ary min-heap of struct events ordered by
/// (time, priority, sequence). The sequence counter belongs to this instance, so the processing
/// order of two runs with the same inputs is identical on any machine or thread count.
/// </summary>
/// <remarks>
/// A 4-ary heap over a struct array was measured against a binary heap and the BCL
/// <see cref="PriorityQueue{TElement,TPriority}"/> (see docs/PERFORMANCE.md): it halves the tree depth
/// and keeps a node's children on one cache line. Cancellation is lazy: a cancelled token is
/// remembered and its event dropped when it reaches the top, which avoids an indexed heap.
/// </remarks>
public sealed class Simulator
{
    // Priority occupies the top bits of the ordering key and the sequence the low 48 bits,
    // so one 64-bit compare breaks ties by priority first, then by scheduling order.
    private const int SequenceBits = 48;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    /// <summary>Lowest allowed priority (fires first among same-time events).</summary>
    public const int MinPriority = -32_768;
    /// <summary>Highest allowed priority (fires last among same-time events).</summary>
    public const int MaxPriority = 32_767;

    private Entry[] _heap;
    private int _count;
    private long _nextSequence;
    private readonly HashSet<long> _cancelled = new();

    private struct Entry
    {
        public double Time;
        public long Key;
        public int Kind;
        public int Entity;
    }

    /// <summary>Creates an empty simulator at time 0.</summary>
    /// <param name="initialCapacity">Events the queue holds before it first grows.</param>
    public Simulator(int initialCapacity = 1024)
    {
        _heap = new Entry[Math.Max(initialCapacity, 4)];
    }

    /// <summary>Current simulated time, in hours since the start of the run.</summary>
    public double NowHours { get; private set; }

    /// <summary>Events handed to the model so far (cancelled events are not counted).</summary>
    public long ProcessedEvents { get; private set; }

    /// <summary>Events waiting in the queue, cancelled ones included until they are dropped.</summary>
    public int PendingEvents => _count;

    /// <summary>Schedules an event <paramref name="delayHours"/> from now; returns its cancellation token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Schedule(double delayHours, int kind, int entity = 0, int priority = 0)
    {
        if (!(delayHours >= 0)) ThrowBadDelay(delayHours);
        return ScheduleAt(NowHours + delayHours, kind, entity, priority);
    }

    /// <summary>Schedules an event at an absolute time (not before now); returns its cancellation token.</summary>
    public long ScheduleAt(double timeHours, int kind, int entity = 0, int priority = 0)
    {
        if (!(timeHours >= NowHours) || double.IsPositiveInfinity(timeHours)) ThrowBadTime(timeHours);
        if ((uint)(priority - MinPriority) > (uint)(MaxPriority - MinPriority)) ThrowBadPriority(priority);
        long sequence = _nextSequence++;
        long key = ((long)(priority - MinPriority) << SequenceBits) | sequence;
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        SiftUp(_count++, new Entry { Time = timeHours, Key = key, Kind = kind, Entity = entity });
        return sequence;
    }

    /// <summary>Cancels a pending event by its token; the event is dropped when it comes up.</summary>
    public void Cancel(long token) => _cancelled.Add(token);

    /// <summary>
    /// Removes the next live event, advances the clock to it and returns it, unless the next event
    /// is at or after <paramref name="endHours"/>; then the clock stays and false is returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(double endHours, out SimEvent simEvent)
    {
        while (_count > 0)
        {
            ref Entry top = ref _heap[0];
            if (!(top.Time < endHours)) break;
            Entry e = top;
            long sequence = e.Key & SequenceMask;
            RemoveTop();
            if (_cancelled.Count != 0 && _cancelled.Remove(sequence)) continue;
            NowHours = e.Time;
            ProcessedEvents++;
            simEvent = new SimEvent(e.Time, (int)(e.Key >> SequenceBits) + MinPriority, sequence, e.Kind, e.Entity);
            return true;
        }
        simEvent = default;
        return false;
    }

    /// <summary>Processes one event; false when the queue holds no live event.</summary>
    public bool Step<THandler>(ref THandler handler) where THandler : IEventHandler
    {
        if (!TryNext(double.PositiveInfinity, out SimEvent e)) return false;
        handler.Handle(this, e);
        return true;
    }

    /// <summary>
    /// Processes every event strictly before <paramref name="endHours"/>, then sets the clock to
    /// <paramref name="endHours"/>. Events at exactly the end stay queued (SimPy's <c>run(until)</c>).
    /// </summary>
    public void Run<THandler>(ref THandler handler, double endHours) where THandler : IEventHandler
    {
        if (!(endHours >= NowHours)) ThrowBadTime(endHours);
        while (TryNext(endHours, out SimEvent e)) handler.Handle(this, e);
        if (!double.IsPositiveInfinity(endHours)) NowHours = endHours;
    }

    /// <summary>Empties the queue and rewinds the clock, keeping the allocated storage.</summary>
    public void Reset()
    {
        _count = 0;
        _nextSequence = 0;
        _cancelled.Clear();
        NowHours = 0;
        ProcessedEvents = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    private void SiftUp(int index, Entry entry)
    {
        Entry[] heap = _heap;
        while (index > 0)
        {
            int parent = (index - 1) >> 2;
            if (!Less(entry, heap[parent])) break;
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = entry;
    }

    private void RemoveTop()
    {
        int last = --_count;
        if (last == 0) return;
        Entry[] heap = _heap;
        Entry entry = heap[last];
        int index = 0;
        while (true)
        {
            int first = (index << 2) + 1;
            if (first >= last) break;
            int best = first;
            int end = Math.Min(first + 4, last);
            for (int c = first + 1; c < end; c++)
                if (Less(heap[c], heap[best])) best = c;
            if (!Less(heap[best], entry)) break;
            heap[index] = heap[best];
            index = best;
        }
        heap[index] = entry;
    }

    private static void ThrowBadDelay(double delayHours) =>
        throw new ArgumentOutOfRangeException(nameof(delayHours), delayHours, "A delay must be a finite number of hours >= 0.");

    private static void ThrowBadTime(double timeHours) =>
        throw new ArgumentOutOfRangeException(nameof(timeHours), timeHours, "An event time must be finite and not before the current time.");

    private static void ThrowBadPriority(int priority) =>
        throw new ArgumentOutOfRangeException(nameof(priority), priority, $"Priority must lie in [{MinPriority}, {MaxPriority}].");
}
