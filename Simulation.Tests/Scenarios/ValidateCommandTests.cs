using System.CommandLine;
using Simulation.Cli;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// <c>channelsim validate</c> through the real command tree. Files use only the calendar keys, which
/// the model catalog always has.
/// </summary>
public class ValidateCommandTests
{
    private static (int Exit, string Text) Run(params string[] args)
    {
        using var output = new StringWriter();
        var exit = CliApp.BuildRootCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void AValidFileExitsZeroAndSaysOk()
    {
        using var dir = new TempScenarioDirectory();
        var path = dir.Write("ok.yaml", "schema_version: 1\ncalendar:\n  horizon_days: 30\nvariants:\n  longer:\n    calendar.horizon_days: 60\n");
        var (exit, text) = Run("validate", path);
        Assert.Equal(0, exit);
        Assert.Equal($"OK {path} (2 variants)", text.Trim());
    }

    [Fact]
    public void AnInvalidFileExitsTwoAndNamesKeyPathLineAndRule()
    {
        using var dir = new TempScenarioDirectory();
        var path = dir.Write("bad.yaml", "schema_version: 1\ncalendar:\n  horizon_days: -5\n  start_dat: 2024-01-01\n");
        var (exit, text) = Run("validate", path);
        Assert.Equal(2, exit);
        Assert.Contains($"{path}:3:17: calendar.horizon_days = -5: must be a whole number between", text);
        Assert.Contains($"{path}:4:3: calendar.start_dat: is not a known key; did you mean 'calendar.start_date'?", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void AMissingFileExitsTwoWithAClearMessage()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N") + ".yaml");
        var (exit, text) = Run("validate", missing);
        Assert.Equal(2, exit);
        Assert.Contains(missing, text);
        Assert.Contains("file not found", text);
    }

    [Fact]
    public void OneBadFileAmongSeveralExitsTwoAndTheGoodOnesAreStillReported()
    {
        using var dir = new TempScenarioDirectory();
        var good = dir.Write("good.yaml", "schema_version: 1\n");
        var bad = dir.Write("bad.yaml", "schema_version: 1\ncalendar: [\n");
        var (exit, text) = Run("validate", good, bad);
        Assert.Equal(2, exit);
        Assert.Contains($"OK {good} (1 variant)", text);
        Assert.Contains($"{bad}:3:1: (document): is not valid YAML", text);
    }

    [Fact]
    public void ValidateWithoutFilesExitsTwoAndSaysWhatIsMissing()
    {
        var (exit, text) = Run("validate");
        Assert.Equal(2, exit);
        Assert.Contains("name at least one scenario file", text);
    }

    [Fact]
    public void AnEmptyPathExitsTwoWithoutAStackTrace()
    {
        var (exit, text) = Run("validate", "");
        Assert.Equal(2, exit);
        Assert.Contains("not a usable file path", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void TheHandlerWritesOkToOutputAndIssuesToError()
    {
        using var dir = new TempScenarioDirectory();
        var good = dir.Write("good.yaml", "schema_version: 1\n");
        var bad = dir.Write("bad.yaml", "schema_version: 3\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Simulation.Cli.Commands.Validate.ValidateHandler.Run([good, bad], output, error);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"OK {good} (1 variant)", output.ToString().Trim());
        Assert.Contains($"{bad}:1:17: schema_version = 3: must be 1", error.ToString());
        Assert.Contains($"INVALID {bad} (1 problem)", error.ToString());
    }
}
