using System.Text;
using Simulation.Cli;
using Simulation.Core.Experiments;
using Simulation.Tests.Cli;
using Xunit.Abstractions;

namespace Simulation.Tests.Experiments;

/// <summary>
/// A damaged checkpoint (torn at any byte, lines lost, duplicated or garbled, header bytes changed)
/// must never crash --resume: it either recovers to the bytes of an uninterrupted run or refuses
/// with exit code 2 and a message. Before rows carried a hash, a changed digit in a row still parsed
/// and silently changed the results (2 of 6 such cases here); now such a row is dropped and re-run.
/// </summary>
public class CheckpointCorruptionTests(ITestOutputHelper output)
{
    private const string Yaml =
        "schema_version: 1\nname: ckpt\ndescription: Checkpoint corruption.\nexperiment:\n  replications: 30\n  seed: 3\n" +
        "calendar:\n  horizon_days: 20\nvariants:\n  more_vessels:\n    description: more\n    uk.border_force.vessels: 8\n";

    [Fact]
    public void ADamagedCheckpointIsRecoveredExactlyOrRefusedNeverACrash()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("ckpt.yaml");
        File.WriteAllText(scenario, Yaml);
        string reference = temp.Sub("reference");
        var (code, _, err) = CliRun.Invoke("run", scenario, "--threads", "1", "--keep-checkpoint", "--out", reference);
        Assert.True(code == 0, err);
        byte[] original = File.ReadAllBytes(ExperimentSession.CheckpointPath(reference));
        int headerEnd = Encoding.UTF8.GetString(original).IndexOf("#end\n", StringComparison.Ordinal) + 5;

        int recovered = 0, refused = 0, cases = 36;
        for (int i = 0; i < cases; i++)
        {
            var rng = new Random(400 + i);
            int kind = i % 6;
            byte[] damaged = Damage(original, headerEnd, kind, rng);
            string directory = temp.Sub("case" + i);
            // Only the checkpoint survives, as after SIGKILL before any result was written.
            Directory.CreateDirectory(Path.Combine(directory, "checkpoint"));
            File.WriteAllBytes(ExperimentSession.CheckpointPath(directory), damaged);
            (code, _, err) = CliRun.Invoke("run", scenario, "--threads", "1", "--out", directory, "--resume");
            string label = $"case {i} (damage {kind}): exit {code}\n{err}";
            Assert.False(err.Contains("   at ", StringComparison.Ordinal), label);
            Assert.True(code is ExitCodes.Ok or ExitCodes.InvalidInput, label);
            if (code == ExitCodes.InvalidInput)
            {
                refused++;
                Assert.Contains("cannot resume", err, StringComparison.Ordinal);
                continue;
            }
            recovered++;
            // Every surviving row is exact: torn, lost, duplicated or damaged rows are dropped (each row
            // carries a hash) and their replications run again.
            ResultFiles.AssertIdentical(reference, directory);
        }
        output.WriteLine($"{cases} damaged checkpoints: {recovered} recovered exactly, {refused} refused");
        Assert.Equal(cases, recovered + refused);
        Assert.True(recovered > 0, "no damaged checkpoint was recovered; tearing at a line end must always recover");
    }

    private static byte[] Damage(byte[] original, int headerEnd, int kind, Random rng)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        int body = Encoding.UTF8.GetString(original, 0, headerEnd).Split('\n').Length - 1;
        switch (kind)
        {
            case 0:
                // Torn anywhere, as by SIGKILL or power loss mid-write.
                return original[..rng.Next(original.Length + 1)];
            case 1:
                lines.RemoveAt(rng.Next(body, lines.Count - 1));
                break;
            case 2:
                {
                    int at = rng.Next(body, lines.Count - 1);
                    lines.Insert(at, lines[at]);
                }
                break;
            case 3:
                lines.Insert(rng.Next(body, lines.Count), rng.Next(3) switch
                {
                    0 => "t,nonsense",
                    1 => "garbage line \u00ff",
                    _ => "d,baseline,999999,@@@",
                });
                break;
            case 4:
                {
                    // One byte of the header changed.
                    byte[] copy = [.. original];
                    copy[rng.Next(headerEnd)] ^= (byte)(1 << rng.Next(8));
                    return copy;
                }
            default:
                {
                    // One byte of a row changed.
                    byte[] copy = [.. original];
                    copy[rng.Next(headerEnd, copy.Length)] = (byte)rng.Next(256);
                    return copy;
                }
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }
}
