using System.CommandLine;
using Simulation.Cli.Commands.Validate;

namespace Simulation.Cli;

/// <summary>Builds the channelsim command tree; tests call this directly.</summary>
public static class CliApp
{
    /// <summary>Root help: what the tool is, examples and the exit codes (also in README.md).</summary>
    public const string RootDescription =
        "ChannelSim: stochastic discrete-event simulation of small-boat crossings of the English Channel and the policies aimed at them.\n\n" +
        "Examples:\n" +
        "  channelsim init my-study && cd my-study                     write the shipped scenarios into a new study folder\n" +
        "  channelsim run scenarios/baseline-2024.yaml                 calibrated 2024 baseline, results in results/baseline-2024\n" +
        "  channelsim run scenarios/policy-comparison.yaml -r 200      policy study: table, charts, report.html\n" +
        "  channelsim compare scenarios/baseline-2024.yaml scenarios/more-uk-vessels.yaml\n" +
        "  channelsim validate scenarios/*.yaml\n" +
        "  channelsim bench --seconds 20\n" +
        "  channelsim <command> --help                                 options of one command\n\n" +
        "Exit codes:\n" +
        "  0  ok\n" +
        "  1  internal error (a bug; --verbose or CHANNELSIM_DEBUG=1 shows the stack trace)\n" +
        "  2  invalid input: bad options, bad or missing files, invalid scenario\n" +
        "  3  interrupted (Ctrl+C): finished replications kept, outputs marked partial; continue with --resume";

    /// <summary>The root command with every verb.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(RootDescription);
        // Each verb lives in Commands/<Verb>/ and adds itself here with one line.
        root.Subcommands.Add(Commands.Init.InitCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(Commands.Run.RunCommand.Create());
        root.Subcommands.Add(Commands.Compare.CompareCommand.Create());
        root.Subcommands.Add(Commands.Trace.TraceCommand.Create());
        root.Subcommands.Add(Commands.Merge.MergeCommand.Create());
        root.Subcommands.Add(Commands.Report.ReportCommand.Create());
        root.Subcommands.Add(Commands.Sweep.SweepCommand.Create());
        root.Subcommands.Add(Commands.Calibrate.CalibrateCommand.Create());
        root.Subcommands.Add(Commands.Backtest.BacktestCommand.Create());
        root.Subcommands.Add(Commands.Schema.SchemaCommand.Create());
        root.Subcommands.Add(Commands.Metrics.MetricsCommand.Create());
        root.Subcommands.Add(Commands.Bench.BenchCommand.Create());
        HelpExamples.Attach(root);
        OptionValues.Attach(root);
        return root;
    }
}
