namespace Simulation.Core.Domain.Deterrence;

/// <summary>
/// An exponentially decaying tally of successes and failures: the moving average through which
/// people (deterrence) and networks (tactic adaptation) perceive recent outcomes.
/// </summary>
public struct Perception
{
    private double _successes;
    private double _failures;

    /// <summary>Starts from a prior share worth <paramref name="priorWeight"/> person-outcomes.</summary>
    public Perception(double priorShare, double priorWeight)
    {
        _successes = priorShare * priorWeight;
        _failures = (1 - priorShare) * priorWeight;
    }

    /// <summary>Perceived success share.</summary>
    public readonly double Share => _successes + _failures <= 0 ? 0 : _successes / (_successes + _failures);

    /// <summary>Ages the tally by one day and adds the day's outcomes.</summary>
    public void AddDay(double successes, double failures, double memoryDays)
    {
        double keep = Math.Exp(-1.0 / Math.Max(memoryDays, 1e-9));
        // Returns take back successes of earlier days; a short memory may have forgotten them already.
        _successes = Math.Max(0, _successes * keep + successes);
        _failures = _failures * keep + failures;
    }
}
