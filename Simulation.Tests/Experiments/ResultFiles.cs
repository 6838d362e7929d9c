using Simulation.Core.Reporting;

namespace Simulation.Tests.Experiments;

/// <summary>Byte-level comparison of the result files of two output directories (manifest.json excluded: it records times).</summary>
internal static class ResultFiles
{
    public static void AssertIdentical(string expectedDirectory, string actualDirectory)
    {
        foreach (string name in ResultsWriter.FileNames)
        {
            byte[] expected = File.ReadAllBytes(Path.Combine(expectedDirectory, name));
            byte[] actual = File.ReadAllBytes(Path.Combine(actualDirectory, name));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} differs between {expectedDirectory} and {actualDirectory}");
        }
    }
}
