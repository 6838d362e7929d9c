using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simulation.Core.Engine;

/// <summary>
/// The discrete-event kernel: a clock in hours and a 4-ary min-heap of struct events ordered by
/// (time, priority, sequence). The sequence counter belongs to this instance, so the processing
/// order of two runs with the same inputs is identical on any machine or thread count.
/// </summary>
/// <remarks>
/// A 4-ary heap over a struct array was measured against a binary heap and the BCL
/// <see cref="PriorityQueue{TElement,TPriority}"/> (see docs/PERFORMANCE.md): it halves the tree depth
/// and keeps a node's children on one cache line.
/// <para>The event handed out by <see cref="TryNext"/> stays at the top of the heap until the next
/// operation needs it gone. If the handler schedules an event first (the usual case), that event
/// simply replaces the top and one sift-down does the work of a pop and a push (the "hold" step).</para>
/// <para>Cancellation is lazy: a cancelled token is remembered and its event dropped when it reaches the
/// top, which avoids an indexed heap. When nothing is cancelled the check costs one compare.</para>
/// </remarks>
public sealed class Simulator
{
    // The ordering key holds the offset priority (16 bits) above the sequence (low 47 bits), with the
    // sign bit clear, so one signed 64-bit compare breaks ties by priority first, then by scheduling
    // order. 2^47 events per run is far beyond any replication.
    private const int SequenceBits = 47;
    private const long SequenceMask = (1L << SequenceBits) - 1;
    /// <summary>Lowest allowed priority (fires first among same-time events).</summary>
    public const int MinPriority = -32_768;
    /// <summary>Highest allowed priority (fires last among same-time events).</summary>
    public const int MaxPriority = 32_767;

    private Entry[] _heap;
    private int _count;
    private long _nextSequence;
    // True while the last event handed out still occupies heap[0] (see remarks).
    private bool _topHandedOut;
    private HashSet<long> _cancelled = new();
    // Mirrors _cancelled.Count != 0 in a field the hot loop reads without touching the set.
    private bool _anyCancelled;
    private HashSet<long> _cancelledScratch = new();

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
    public int PendingEvents => _topHandedOut ? _count - 1 : _count;

    /// <summary>Schedules an event <paramref name="delayHours"/> from now; returns its cancellation token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Schedule(double delayHours, int kind, int entity = 0, int priority = 0)
    {
        double timeHours = NowHours + delayHours;
        // One test rejects negative, NaN and infinite delays (an infinite delay makes an infinite time).
        if (!(delayHours >= 0 && timeHours < double.PositiveInfinity)) ThrowBadDelay(delayHours);
        return Insert(timeHours, kind, entity, priority);
    }

    /// <summary>Schedules an event at an absolute time (not before now); returns its cancellation token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ScheduleAt(double timeHours, int kind, int entity = 0, int priority = 0)
    {
        if (!(timeHours >= NowHours && timeHours < double.PositiveInfinity)) ThrowBadTime(timeHours);
        return Insert(timeHours, kind, entity, priority);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Insert(double timeHours, int kind, int entity, int priority)
    {
        if ((uint)(priority - MinPriority) > (uint)(MaxPriority - MinPriority)) ThrowBadPriority(priority);
        long sequence = _nextSequence++;
        Entry entry;
        entry.Time = timeHours;
        entry.Key = ((long)(priority - MinPriority) << SequenceBits) | sequence;
        entry.Kind = kind;
        entry.Entity = entity;
        if (_topHandedOut)
        {
            // The new event is not earlier than the handed-out one, so it may take its slot.
            _topHandedOut = false;
            SiftDown(0, entry);
        }
        else
        {
            if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
            SiftUp(_count++, entry);
        }
        return sequence;
    }

    /// <summary>
    /// Cancels a pending event by its token; the event is dropped when it comes up. Cancelling a token
    /// that already fired, was already cancelled or was never issued has no effect.
    /// </summary>
    public void Cancel(long token)
    {
        if ((ulong)token >= (ulong)_nextSequence) return;
        _cancelled.Add(token);
        _anyCancelled = true;
        // Tokens of events that already fired would otherwise pile up; keep only those still queued.
        if (_cancelled.Count > _count) PurgeStaleCancellations();
    }

    /// <summary>
    /// Removes the next live event, advances the clock to it and returns it, unless the next event
    /// is at or after <paramref name="endHours"/>; then the clock stays and false is returned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(double endHours, out SimEvent simEvent)
    {
        if (_topHandedOut)
        {
            _topHandedOut = false;
            RemoveTop();
        }
        while (_count > 0)
        {
            ref Entry top = ref MemoryMarshal.GetArrayDataReference(_heap);
            if (!(top.Time < endHours)) break;
            long sequence = top.Key & SequenceMask;
            if (_anyCancelled && _cancelled.Remove(sequence))
            {
                _anyCancelled = _cancelled.Count != 0;
                RemoveTop();
                continue;
            }
            NowHours = top.Time;
            ProcessedEvents++;
            simEvent = new SimEvent(top.Time, (int)(top.Key >> SequenceBits) + MinPriority, sequence, top.Kind, top.Entity);
            _topHandedOut = true;
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
        _topHandedOut = false;
        _cancelled.Clear();
        _anyCancelled = false;
        NowHours = 0;
        ProcessedEvents = 0;
    }

    /// <summary>1 when a orders before b, else 0. The time compare becomes a setcc (no branch); the tie
    /// test is a branch that continuous times almost never take, so it predicts well.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Before(ref Entry a, ref Entry b)
    {
        int before = a.Time < b.Time ? 1 : 0;
        if (a.Time == b.Time) before = a.Key < b.Key ? 1 : 0;
        return before;
    }

    private void SiftUp(int index, Entry entry)
    {
        ref Entry a0 = ref MemoryMarshal.GetArrayDataReference(_heap);
        while (index > 0)
        {
            int parent = (index - 1) >> 2;
            ref Entry p = ref Unsafe.Add(ref a0, parent);
            if (Before(ref entry, ref p) == 0) break;
            Unsafe.Add(ref a0, index) = p;
            index = parent;
        }
        Unsafe.Add(ref a0, index) = entry;
    }

    private void RemoveTop()
    {
        int last = --_count;
        if (last > 0) SiftDown(0, Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_heap), last));
    }

    // Places entry at index and moves it down; the heap holds _count entries (index counted in).
    private void SiftDown(int index, Entry entry)
    {
        ref Entry a0 = ref MemoryMarshal.GetArrayDataReference(_heap);
        int count = _count;
        while (true)
        {
            int first = (index << 2) + 1;
            if (first >= count) break;
            ref Entry c = ref Unsafe.Add(ref a0, first);
            int best;
            if (first + 3 < count)
            {
                // Branch-free minimum of four: random keys would mispredict a branchy version half the time.
                int i01 = Before(ref Unsafe.Add(ref c, 1), ref c);
                int i23 = 2 + Before(ref Unsafe.Add(ref c, 3), ref Unsafe.Add(ref c, 2));
                int s = Before(ref Unsafe.Add(ref c, i23), ref Unsafe.Add(ref c, i01));
                best = i01 + s * (i23 - i01);
            }
            else
            {
                best = 0;
                for (int k = 1; first + k < count; k++)
                    if (Before(ref Unsafe.Add(ref c, k), ref Unsafe.Add(ref c, best)) != 0) best = k;
            }
            ref Entry b = ref Unsafe.Add(ref c, best);
            if (Before(ref b, ref entry) == 0) break;
            Unsafe.Add(ref a0, index) = b;
            index = first + best;
        }
        Unsafe.Add(ref a0, index) = entry;
    }

    private void PurgeStaleCancellations()
    {
        _cancelledScratch.Clear();
        for (int i = _topHandedOut ? 1 : 0; i < _count; i++)
        {
            long sequence = _heap[i].Key & SequenceMask;
            if (_cancelled.Contains(sequence)) _cancelledScratch.Add(sequence);
        }
        (_cancelled, _cancelledScratch) = (_cancelledScratch, _cancelled);
        _anyCancelled = _cancelled.Count != 0;
    }

    private static void ThrowBadDelay(double delayHours) =>
        throw new ArgumentOutOfRangeException(nameof(delayHours), delayHours, "A delay must be a finite number of hours >= 0.");

    private static void ThrowBadTime(double timeHours) =>
        throw new ArgumentOutOfRangeException(nameof(timeHours), timeHours, "An event time must be finite and not before the current time.");

    private static void ThrowBadPriority(int priority) =>
        throw new ArgumentOutOfRangeException(nameof(priority), priority, $"Priority must lie in [{MinPriority}, {MaxPriority}].");
}
