namespace Simulation.Tests.Scenarios;

/// <summary>A fresh temporary folder for scenario files, deleted after the test.</summary>
internal sealed class TempScenarioDirectory : IDisposable
{
    public TempScenarioDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "channelsim-scenario-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
    }
}
