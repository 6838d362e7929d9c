using System.Reflection;

namespace Simulation.Core.Reporting;

/// <summary>The code version written into every output, and the git commit when the build knows it.</summary>
public static class ChannelSimVersion
{
    /// <summary>Informational version of Simulation.Core without build metadata (e.g. "0.1.0").</summary>
    public static string Current { get; } = Read().Version;

    /// <summary>
    /// Git commit: the CHANNELSIM_GIT_COMMIT environment variable when set (CI can pass it), else the
    /// source revision the SDK stamps after '+' in the informational version; null when unknown.
    /// We never run git ourselves.
    /// </summary>
    public static string? GitCommit
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("CHANNELSIM_GIT_COMMIT");
            return string.IsNullOrWhiteSpace(fromEnvironment) ? Read().Commit : fromEnvironment.Trim();
        }
    }

    private static (string Version, string? Commit) Read()
    {
        string informational = typeof(ChannelSimVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? (informational, null) : (informational[..plus], informational[(plus + 1)..]);
    }
}
