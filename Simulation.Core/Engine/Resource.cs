using System.Runtime.CompilerServices;

namespace Simulation.Core.Engine;

/// <summary>
/// A pool of identical units (servers, vessels) with a FIFO queue of waiting requests, in
/// event-scheduling style: a request either gets a unit at once or waits; a release hands the unit
/// to the longest waiter by scheduling that waiter's grant event now. Tracks busy time and waits
/// so utilisation and mean waiting time come for free. No allocation once the queue has grown.
/// </summary>
public sealed class Resource
{
    private readonly Simulator _simulator;
    private Waiter[] _queue;
    private int _head;
    private int _queued;
    private double _busyUnitHours;
    private double _lastChangeHours;
    private double _totalWaitHours;

    private struct Waiter
    {
        public double RequestedAtHours;
        public int GrantKind;
        public int Entity;
        public int Priority;
    }

    /// <summary>Creates a pool of <paramref name="capacity"/> units driven by <paramref name="simulator"/>.</summary>
    public Resource(Simulator simulator, int capacity, int initialQueueCapacity = 64)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _simulator = simulator;
        Capacity = capacity;
        // A power-of-two ring lets the slot arithmetic be a mask instead of a division.
        _queue = new Waiter[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, initialQueueCapacity))];
    }

    /// <summary>Number of units in the pool.</summary>
    public int Capacity { get; private set; }
    /// <summary>Units currently held.</summary>
    public int InUse { get; private set; }
    /// <summary>Requests waiting for a unit.</summary>
    public int QueueLength => _queued;
    /// <summary>Requests granted so far (immediately or after waiting).</summary>
    public long Grants { get; private set; }
    /// <summary>Sum over granted requests of the time they waited, in hours.</summary>
    public double TotalWaitHours => _totalWaitHours;

    /// <summary>
    /// Asks for one unit. Returns true when a unit was free (the caller holds it now and no event is
    /// scheduled); otherwise the request waits and an event (<paramref name="grantKind"/>,
    /// <paramref name="entity"/>) fires when a unit is handed over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Request(int grantKind, int entity, int priority = 0)
    {
        if (InUse < Capacity)
        {
            Accumulate();
            InUse++;
            Grants++;
            return true;
        }
        if (_queued == _queue.Length) Grow();
        _queue[(_head + _queued) & (_queue.Length - 1)] = new Waiter
        {
            RequestedAtHours = _simulator.NowHours, GrantKind = grantKind, Entity = entity, Priority = priority,
        };
        _queued++;
        return false;
    }

    /// <summary>
    /// Gives a unit back. If someone waits, the unit passes straight to the longest waiter, whose
    /// grant event is scheduled at the current time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release()
    {
        if (InUse <= 0) ThrowNothingInUse();
        if (_queued > 0 && InUse <= Capacity)
        {
            Waiter next = _queue[_head];
            _head = (_head + 1) & (_queue.Length - 1);
            _queued--;
            Grants++;
            _totalWaitHours += _simulator.NowHours - next.RequestedAtHours;
            _simulator.Schedule(0, next.GrantKind, next.Entity, next.Priority);
            return;
        }
        Accumulate();
        InUse--;
    }

    /// <summary>Removes a waiting request of <paramref name="entity"/> (it gave up); false if it was not waiting.</summary>
    public bool Withdraw(int entity)
    {
        for (int i = 0; i < _queued; i++)
        {
            int slot = (_head + i) & (_queue.Length - 1);
            if (_queue[slot].Entity != entity) continue;
            for (int j = i; j < _queued - 1; j++)
                _queue[(_head + j) & (_queue.Length - 1)] = _queue[(_head + j + 1) & (_queue.Length - 1)];
            _queued--;
            return true;
        }
        return false;
    }

    /// <summary>Busy unit-hours from time 0 up to now.</summary>
    public double BusyUnitHours()
    {
        Accumulate();
        return _busyUnitHours;
    }

    /// <summary>Share of unit time busy over [0, now]; 0 when no time has passed or there are no units.</summary>
    public double Utilisation()
    {
        double now = _simulator.NowHours;
        return now <= 0 || Capacity == 0 ? 0 : BusyUnitHours() / (now * Capacity);
    }

    private void Accumulate()
    {
        double now = _simulator.NowHours;
        _busyUnitHours += InUse * (now - _lastChangeHours);
        _lastChangeHours = now;
    }

    private static void ThrowNothingInUse() => throw new InvalidOperationException("Release without a unit in use.");

    private void Grow()
    {
        var bigger = new Waiter[_queue.Length * 2];
        for (int i = 0; i < _queued; i++) bigger[i] = _queue[(_head + i) & (_queue.Length - 1)];
        _queue = bigger;
        _head = 0;
    }
}
