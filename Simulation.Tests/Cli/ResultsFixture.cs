namespace Simulation.Tests.Cli;

/// <summary>Copies of the committed results fixture (3 variants, 30 days, 8 replications) in fresh temporary directories.</summary>
internal static class ResultsFixture
{
    public static string SourceDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "results-fixture");

    /// <summary>A fresh writable copy of the fixture; the caller deletes it.</summary>
    public static string CopyToTemp()
    {
        string dir = NewTempDirectory();
        foreach (string file in Directory.GetFiles(SourceDirectory))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }
        return dir;
    }

    public static string NewTempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "channelsim-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Delete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
