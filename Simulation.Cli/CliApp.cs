using System.CommandLine;
using Simulation.Cli.Commands.Validate;

namespace Simulation.Cli;

/// <summary>Builds the channelsim command tree; tests call this directly.</summary>
public static class CliApp
{
    /// <summary>The root command with every verb.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("ChannelSim: stochastic discrete-event simulation of small-boat crossings of the English Channel and the policies aimed at them.");
        // Each verb lives in Commands/<Verb>/ and adds itself here with one line.
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(Commands.Run.RunCommand.Create());
        root.Subcommands.Add(Commands.Compare.CompareCommand.Create());
        root.Subcommands.Add(Commands.Trace.TraceCommand.Create());
        root.Subcommands.Add(Commands.Merge.MergeCommand.Create());
        root.Subcommands.Add(Commands.Report.ReportCommand.Create());
        root.Subcommands.Add(Commands.Sweep.SweepCommand.Create());
        return root;
    }
}
