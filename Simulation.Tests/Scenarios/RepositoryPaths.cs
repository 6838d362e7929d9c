namespace Simulation.Tests.Scenarios;

/// <summary>Finds files of the repository from the test binaries' folder.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChannelSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ChannelSim.sln not found above " + AppContext.BaseDirectory);
    }
}
