namespace Simulation.Core.Experiments;

/// <summary>How a runner call ended: the rule that stopped it and the replication count it aimed at.</summary>
public sealed record RunOutcome(string StoppingRule, long TargetReplications, bool Interrupted);
