using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Simulation.Cli;

/// <summary>
/// Appends an "Examples:" section to each command's --help, after the standard help, so the
/// command list in the root help stays one line per command.
/// </summary>
public static class HelpExamples
{
    /// <summary>Examples by command name; a command without an entry shows the standard help only.</summary>
    public static string? For(string command) => command switch
    {
        "init" =>
            "  channelsim init my-study          (then: cd my-study && channelsim run scenarios/baseline-2024.yaml)\n" +
            "  channelsim init . --force         (restore the shipped scenarios in this folder)",
        "validate" =>
            "  channelsim validate scenarios/baseline-2024.yaml\n" +
            "  channelsim validate scenarios/*.yaml\n" +
            "  channelsim validate scenarios/calibration/history-2022-2024.yaml",
        "backtest" =>
            "  channelsim backtest scenarios/year-2022.yaml scenarios/year-2023.yaml scenarios/baseline-2024.yaml --out results/backtest\n" +
            "  channelsim backtest scenarios/baseline-2024.yaml -r 200 --seed 7 --out results/backtest-2024\n" +
            "  channelsim backtest scenarios/year-2022.yaml scenarios/year-2023.yaml scenarios/baseline-2024.yaml --out results/backtest --markdown docs/BACKTEST.md",
        "run" =>
            "  channelsim run scenarios/baseline-2024.yaml\n" +
            "  channelsim run scenarios/policy-comparison.yaml -r 200 --out results/policies\n" +
            "  channelsim run scenarios/baseline-2024.yaml --precision 0.01 --metric deaths --out results/precise\n" +
            "  channelsim run scenarios/policy-comparison.yaml --set uk.border_force.vessels=8 --out results/eight-vessels   (one-off change, every variant)\n" +
            "  channelsim run scenarios/baseline-2024.yaml --out results/b --resume        (continue after Ctrl+C)\n" +
            "  channelsim run scenarios/policy-comparison.yaml --ensemble plausible.csv -r 20 --out results/policies-ensemble   (also under every plausible parameter set)",
        "compare" =>
            "  channelsim compare scenarios/baseline-2024.yaml scenarios/more-uk-vessels.yaml\n" +
            "  channelsim compare scenarios/baseline-2024.yaml scenarios/windspire-as-rule.yaml scenarios/more-beach-patrols.yaml -r 300 --no-plots\n" +
            "  channelsim compare scenarios/more-uk-vessels.yaml scenarios/more-beach-patrols.yaml --reference more-uk-vessels/eight_border_force\n" +
            "  (every variant of every file runs as <scenario-name>/<variant> against the reference, by default the first file's baseline)",
        "trace" =>
            "  channelsim trace scenarios/baseline-2024.yaml --replication 0 --out trace.csv\n" +
            "  channelsim trace scenarios/policy-comparison.yaml -r 17 --variant windspire_rule | head",
        "merge" =>
            "  channelsim run scenarios/baseline-2024.yaml -r 10000 --shard 1/2 --out shard1   (machine A)\n" +
            "  channelsim run scenarios/baseline-2024.yaml -r 10000 --shard 2/2 --out shard2   (machine B)\n" +
            "  channelsim merge shard1 shard2 --out results/baseline-2024-10k\n" +
            "  channelsim merge results/policies-10k/shard-* --out results/policies-10k/merged --no-plots   (charts later: channelsim report DIR)\n" +
            "  channelsim merge cal-shard1 cal-shard2 --out results/calibration-wave1   (shards of 'calibrate --wave 1 --shard k/n')",
        "report" =>
            "  channelsim report results/policy-comparison\n" +
            "  channelsim report results/baseline-2024 --out reports/baseline",
        "schema" =>
            "  channelsim schema --out scenario.schema.json\n" +
            "  channelsim schema > docs/scenario.schema.json\n" +
            "  (editors with the YAML language server use it when a scenario starts with\n" +
            "   # yaml-language-server: $schema=../docs/scenario.schema.json)",
        "metrics" =>
            "  channelsim metrics\n" +
            "  channelsim metrics --format json > metrics.json\n" +
            "  channelsim metrics --format markdown",
        "sweep" =>
            "  channelsim sweep scenarios/baseline-2024.yaml --vary french.beach.max_prevention_probability=0.3:0.9:7\n" +
            "  channelsim sweep scenarios/baseline-2024.yaml --design lhs --samples 20 -r 20 \\\n" +
            "      --vary french.beach.max_prevention_probability=0.6:0.95 --vary demand.new_arrivals_rate_per_day=80:130 --out results/sweep",
        "calibrate" =>
            "  channelsim calibrate scenarios/calibration/history-2022-2024.yaml --out results/calibration\n" +
            "  channelsim calibrate scenarios/calibration/history-2022-2024.yaml --out results/calibration --resume   (continue after Ctrl+C)\n" +
            "  channelsim calibrate FILE --wave 1 --shard 2/8 --out shard2        (one task of a cluster array; then: channelsim merge shard* --out wave1)\n" +
            "  channelsim calibrate FILE --wave 2 --shard 2/8 --from wave1 --out w2-shard2",
        "sensitivity" =>
            "  channelsim sensitivity scenarios/baseline-2024.yaml --method sobol -n 64 -r 10 \\\n" +
            "      --vary demand.new_arrivals_rate_per_day=80:130 --vary french.beach.max_prevention_probability=0.6:0.95 --out results/sobol\n" +
            "  channelsim sensitivity scenarios/baseline-2024.yaml --method morris --trajectories 20 --metric arrivals_uk --metric deaths \\\n" +
            "      --vary demand.new_arrivals_rate_per_day=80:130 --vary uk.border_force.vessels=4:10 --out results/morris\n" +
            "  channelsim sensitivity scenarios/policy-comparison.yaml --compare windspire_rule --vary demand.new_arrivals_rate_per_day=80:130 \\\n" +
            "      --vary french.beach.max_prevention_probability=0.6:0.95   (indices of the policy's effect, not of the level)",
        "bench" =>
            "  channelsim bench\n" +
            "  channelsim bench --seconds 10\n" +
            "  channelsim bench --scenario scenarios/policy-comparison.yaml --threads 4",
        _ => null,
    };

    /// <summary>Wraps the root's help action (the help option is recursive, so this covers every command).</summary>
    public static void Attach(RootCommand root)
    {
        foreach (Option option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction standard) help.Action = new WithExamples(standard);
        }
    }

    /// <summary>True when <paramref name="action"/> prints help (standard or with examples).</summary>
    public static bool IsHelp(System.CommandLine.Invocation.CommandLineAction? action) => action is HelpAction or WithExamples;

    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = standard.Invoke(parseResult);
            Command command = parseResult.CommandResult.Command;
            string? examples = command is RootCommand ? null : For(command.Name);
            if (examples is not null)
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                output.WriteLine(examples);
                output.WriteLine();
            }
            return code;
        }
    }
}
