using Simulation.Cli;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>Usage errors in plain words: no CLR type names, and the nearest option or command for a typo.</summary>
public class ParseErrorTests
{
    private static readonly string Baseline = Path.Combine(Simulation.Tests.Scenarios.RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml");

    [Theory]
    [InlineData(new[] { "run", "BASELINE", "-r", "abc" }, "--replications: 'abc' is not a whole number")]
    [InlineData(new[] { "run", "BASELINE", "--replications", "1.5" }, "--replications: '1.5' is not a whole number")]
    [InlineData(new[] { "run", "BASELINE", "-r", "99999999999" }, "--replications: '99999999999' is too large (at most 2147483647)")]
    [InlineData(new[] { "run", "BASELINE", "--seed", "-1" }, "--seed: '-1' is not a whole number from 0 to 18446744073709551615")]
    [InlineData(new[] { "run", "BASELINE", "--precision", "1%" }, "--precision: '1%' is not a number")]
    [InlineData(new[] { "run", "BASELINE", "--threads", "two" }, "--threads: 'two' is not a whole number")]
    [InlineData(new[] { "sweep", "BASELINE", "--vary", "demand.give_up_probability=0:0.2:2", "--samples", "x" }, "--samples: 'x' is not a whole number")]
    [InlineData(new[] { "trace", "BASELINE", "--replication", "first" }, "--replication: 'first' is not a whole number")]
    [InlineData(new[] { "bench", "--seconds", "ten" }, "--seconds: 'ten' is not a whole number")]
    public void ABadNumberIsNamedWithItsOptionAndNoTypeName(string[] args, string message)
    {
        var (code, _, err) = Invoke(args.Select(a => a == "BASELINE" ? Baseline : a).ToArray());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("expected type", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "BASELINE", "--replicatons", "3" }, "Unknown option '--replicatons'; did you mean '--replications'?")]
    [InlineData(new[] { "compare", "BASELINE", "BASELINE", "--no-plot" }, "did you mean '--no-plots'?")]
    [InlineData(new[] { "sweep", "BASELINE", "--vary", "demand.give_up_probability=0:0.2:2", "--desing", "lhs" }, "did you mean '--design'?")]
    [InlineData(new[] { "trace", "BASELINE", "--replication", "0", "--varient", "x" }, "did you mean '--variant'?")]
    [InlineData(new[] { "rnu", "BASELINE" }, "Unknown command 'rnu'; did you mean 'run'?")]
    public void AMistypedOptionOrCommandGetsTheNearestName(string[] args, string message)
    {
        var (code, _, err) = Invoke(args.Select(a => a == "BASELINE" ? Baseline : a).ToArray());
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        // The mistyped option's value is not reported as a second unknown argument.
        Assert.DoesNotContain("Unrecognized command or argument '3'", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownOptionFarFromAnyNameKeepsThePlainMessage()
    {
        var (code, _, err) = Invoke("run", Baseline, "--zzzzzzzzzz");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("'--zzzzzzzzzz'", err, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", err, StringComparison.Ordinal);
    }
}
