using System.Reflection;
using Simulation.Core.Reporting;

namespace Simulation.Cli.Commands.Init;

/// <summary>Behaviour of channelsim init.</summary>
public static class InitHandler
{
    private const string Prefix = "init/";

    /// <summary>
    /// The files init writes, as paths relative to the study folder with '/' separators, and their
    /// bytes (embedded in the tool from the repository's scenarios/ folder and the JSON Schema).
    /// </summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> ShippedFiles()
    {
        Assembly assembly = typeof(InitHandler).Assembly;
        var files = new List<(string, byte[])>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add((name[Prefix.Length..].Replace('\\', '/'), copy.ToArray()));
        }
        return files;
    }

    /// <summary>Writes the shipped files into <paramref name="directory"/>; refuses to overwrite any file unless <paramref name="force"/>.</summary>
    public static int Execute(string directory, bool force, TextWriter output, TextWriter error)
    {
        if (File.Exists(directory))
        {
            error.WriteLine($"channelsim init: '{directory}' is a file, not a folder; name a folder for the study");
            return ExitCodes.InvalidInput;
        }
        if (OutputDirectoryCheck.Problem(directory) is { } problem)
        {
            error.WriteLine("channelsim init: " + problem.Replace("--out", "the folder", StringComparison.Ordinal));
            return ExitCodes.InvalidInput;
        }
        IReadOnlyList<(string Path, byte[] Bytes)> files = ShippedFiles();
        if (files.Count == 0)
        {
            error.WriteLine("channelsim init: this build carries no scenarios (a packaging error)");
            return ExitCodes.InternalError;
        }
        // Check everything before writing anything, so a refusal leaves the folder as it was.
        var existing = files.Select(f => Path.Combine(directory, f.Path)).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        if (existing.Count > 0 && !force)
        {
            error.WriteLine($"channelsim init: {existing[0]} already exists{(existing.Count > 1 ? $" (and {existing.Count - 1} more of the files init writes)" : "")}; " +
                "nothing was written. Pass --force to overwrite them with the shipped versions, or choose another folder.");
            return ExitCodes.InvalidInput;
        }
        var folder = existing.FirstOrDefault(Directory.Exists);
        if (folder is not null)
        {
            error.WriteLine($"channelsim init: {folder} is a folder where init writes a file; nothing was written. Move it away or choose another folder.");
            return ExitCodes.InvalidInput;
        }
        foreach (var (path, bytes) in files)
        {
            string target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            AtomicFile.Write(target, stream => stream.Write(bytes));
        }
        int scenarios = files.Count(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal));
        error.WriteLine($"channelsim init: wrote {scenarios} scenarios, scenarios/README.md (every key with unit, default and source) and docs/scenario.schema.json to {directory}" +
            (existing.Count > 0 ? $" ({existing.Count} existing files overwritten)" : ""));
        string cd = directory == "." ? "" : $"cd {directory} && ";
        output.WriteLine($"Next: {cd}channelsim run scenarios/baseline-2024.yaml");
        output.WriteLine("      channelsim run scenarios/policy-comparison.yaml -r 60   (policy study with report.html)");
        output.WriteLine("      channelsim metrics                                     (what each output metric means)");
        return ExitCodes.Ok;
    }
}
