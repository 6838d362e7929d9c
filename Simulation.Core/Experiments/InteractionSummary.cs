namespace Simulation.Core.Experiments;

/// <summary>
/// Interaction of a combined policy on one metric, from per-replication values
/// i_r = (combo_r − base_r) − Σ_k (part_k,r − base_r): the combination's effect minus the sum of its
/// parts' effects, paired by replication (common random numbers), with a Student-t 95% interval.
/// </summary>
/// <param name="CombinedEffect">Mean of combo − base.</param>
/// <param name="SumOfPartEffects">Sum over the parts of the mean of part − base.</param>
/// <param name="Interaction">Summary of i_r: its mean equals <paramref name="CombinedEffect"/> − <paramref name="SumOfPartEffects"/>.</param>
public sealed record InteractionSummary(double CombinedEffect, double SumOfPartEffects, MetricSummary Interaction);
