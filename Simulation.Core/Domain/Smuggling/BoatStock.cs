namespace Simulation.Core.Domain.Smuggling;

/// <summary>
/// The networks' boats on the coast and the supply chain behind them. Each day they order the boats
/// that would bring the stock up to a target set by the people waiting (cover × people / mean load),
/// less what is already on order; the supply chain delivers at most its capacity a day, after the
/// lead time. Launches spend boats; a boat comes back only when it was not seized on the beach or
/// when a taxi-boat's night was aborted. Deterministic: the day's random draws are left untouched.
/// </summary>
internal sealed class BoatStock
{
    // Boats due on each day; the last slot collects orders that would arrive after the horizon and is never read.
    private readonly int[] _due;
    private int _onOrder;
    private double _capacityCredit;

    public BoatStock(int days) => _due = new int[days + 1];

    public int Boats { get; private set; }

    /// <summary>Boats ordered and not yet delivered.</summary>
    public int OnOrder => _onOrder;

    public void Reset(int initial)
    {
        Boats = initial;
        Array.Clear(_due);
        _onOrder = 0;
        _capacityCredit = 0;
    }

    /// <summary>Today's order goes out, then today's deliveries arrive (a zero lead time delivers the same day).</summary>
    public void StartDay(int day, int peopleWaiting, SmugglingParameters sm)
    {
        double target = Math.Ceiling(sm.SupplyCoverFactor * peopleWaiting / sm.LoadMeanPeople - 1e-9);
        int wanted = (int)Math.Min(Math.Max(target - Boats - _onOrder, 0), int.MaxValue);
        // Capacity not used today is lost, except the fraction of a boat carried to the next day, so a
        // fractional capacity delivers its exact mean over many days and a quiet spell cannot be banked.
        _capacityCredit = Math.Min(_capacityCredit + sm.SupplyCapacityBoatsPerDay, sm.SupplyCapacityBoatsPerDay + 1);
        int order = (int)Math.Min(wanted, Math.Floor(_capacityCredit + 1e-9));
        _capacityCredit = Math.Max(_capacityCredit - order, 0);
        if (order > 0)
        {
            _due[Math.Min(day + sm.SupplyLeadTimeDays, _due.Length - 1)] += order;
            _onOrder += order;
        }
        int delivered = _due[day];
        _due[day] = 0;
        _onOrder -= delivered;
        Boats += delivered;
    }

    public void Take() => Boats--;

    public void GiveBack() => Boats++;
}
