using Simulation.Core.Calibration;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Validate;

/// <summary>Behaviour of <c>channelsim validate</c>: loads each file (scenario or calibration file) and prints OK or every issue.</summary>
public static class ValidateHandler
{
    /// <summary>Checks each file; returns <see cref="ExitCodes.Ok"/> when all are valid, else <see cref="ExitCodes.InvalidInput"/>.</summary>
    public static int Run(IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (files.Count == 0)
        {
            error.WriteLine("validate: name at least one scenario file, e.g. channelsim validate scenarios/baseline-2024.yaml");
            return ExitCodes.InvalidInput;
        }
        // The argument takes any token, so an unknown option would otherwise read as a missing file.
        var options = files.Where(f => f.StartsWith('-') && !File.Exists(f)).ToList();
        if (options.Count > 0)
        {
            error.WriteLine($"validate: unknown option {string.Join(", ", options)}; run 'channelsim validate --help' for usage.");
            return ExitCodes.InvalidInput;
        }
        var allValid = true;
        foreach (var file in files)
        {
            if (IsCalibrationFile(file))
            {
                var calibration = CalibrationFileLoader.Load(file);
                if (calibration.IsValid)
                {
                    var spec = calibration.Spec!;
                    output.WriteLine($"OK {file} (calibration: {spec.Scenarios.Length} scenario{(spec.Scenarios.Length == 1 ? "" : "s")}, " +
                        $"{spec.Targets.Length} target{(spec.Targets.Length == 1 ? "" : "s")}, {spec.Parameters.Length} parameter{(spec.Parameters.Length == 1 ? "" : "s")})");
                    continue;
                }
                allValid = false;
                foreach (var issue in calibration.Issues) error.WriteLine(issue.ToString());
                error.WriteLine($"INVALID {file} ({calibration.Issues.Length} problem{(calibration.Issues.Length == 1 ? "" : "s")})");
                continue;
            }
            var result = ScenarioLoader.Load(file);
            if (result.IsValid)
            {
                var count = result.Scenario!.Variants.Length;
                output.WriteLine($"OK {file} ({count} variant{(count == 1 ? "" : "s")})");
                continue;
            }
            allValid = false;
            foreach (var issue in result.Issues) error.WriteLine(issue.ToString());
            error.WriteLine($"INVALID {file} ({result.Issues.Length} problem{(result.Issues.Length == 1 ? "" : "s")})");
        }
        return allValid ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    /// <summary>
    /// A calibration file has a top-level 'targets:' key, which no scenario has. A file that cannot
    /// be read is left to the scenario loader, whose message names the problem.
    /// </summary>
    private static bool IsCalibrationFile(string file)
    {
        try
        {
            return File.Exists(file) && new FileInfo(file).Length <= ScenarioLoader.MaxFileBytes &&
                CalibrationFileLoader.LooksLikeCalibrationFile(File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
