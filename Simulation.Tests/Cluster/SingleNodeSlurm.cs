using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Simulation.Tests.Cluster;

/// <summary>
/// A one-node Slurm cluster (munged, slurmctld, slurmd, all as root) in a temporary directory, so the recipes in
/// docs/cluster are tested by a real scheduler. Installs Debian's slurm-wlm and munge with apt-get when they are
/// missing. Every process it starts carries a marker in its environment, passed on by sbatch to the jobs, so
/// <see cref="Dispose"/> can find and end each of them, jobs included, and nothing else.
/// </summary>
internal sealed class SingleNodeSlurm : IDisposable
{
    private const string MarkerVariable = "CHANNELSIM_TEST_CLUSTER";
    private static readonly string[] Packages = ["slurm-wlm", "munge"];
    private readonly List<Process> _daemons = [];
    private readonly string _marker = Guid.NewGuid().ToString("N");
    private readonly StringBuilder _log = new();

    private SingleNodeSlurm(string directory) => Root = directory;

    /// <summary>The cluster's temporary directory: configuration, state, logs, and room for job outputs.</summary>
    public string Root { get; }

    /// <summary>slurm.conf of this cluster; client commands find it through SLURM_CONF.</summary>
    public string ConfigPath => Path.Combine(Root, "slurm.conf");

    /// <summary>One line per job that ended (jobcomp/filetxt): the job states the tests read.</summary>
    public string JobCompletionLog => Path.Combine(Root, "log", "jobcomp.txt");

    /// <summary>Seconds apt-get took (0 when Slurm was already installed) and seconds from nothing to an idle node.</summary>
    public double InstallSeconds { get; private set; }

    /// <inheritdoc cref="InstallSeconds"/>
    public double StartSeconds { get; private set; }

    /// <summary>What happened while setting up, for failure messages and the test output.</summary>
    public string Log => _log.ToString();

    /// <summary>
    /// True when this process may install and run Slurm: root (slurmd must run as root to start jobs) on a
    /// machine with apt-get, or Slurm and munge already installed.
    /// </summary>
    public static bool CanRun(out string why)
    {
        if (!OperatingSystem.IsLinux())
        {
            why = "Slurm and munge are installed and started here on Linux (Debian) only";
            return false;
        }
        bool root = string.Equals(RunTool("id", ["-u"], null, TimeSpan.FromSeconds(10)).Out.Trim(), "0", StringComparison.Ordinal);
        if (!root)
        {
            why = "the single-node Slurm cluster needs root (slurmd runs jobs as their user, and munged, slurmctld and slurmd are started here); run the tests as root, as CI does";
            return false;
        }
        if (Installed() || File.Exists("/usr/bin/apt-get"))
        {
            why = "";
            return true;
        }
        why = "sbatch, slurmctld, slurmd and munged are missing and there is no apt-get to install Debian's slurm-wlm and munge";
        return false;
    }

    /// <summary>Installs Slurm if needed, starts the daemons and waits until the node is idle; throws with the logs otherwise.</summary>
    public static SingleNodeSlurm Start()
    {
        string directory = Path.Combine(Path.GetTempPath(), "channelsim-slurm-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = new SingleNodeSlurm(directory);
        try
        {
            cluster.StartDaemons();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm client command or a recipe script against this cluster, with <paramref name="environment"/> added.</summary>
    public (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["SLURM_CONF"] = ConfigPath, [MarkerVariable] = _marker };
        if (environment is not null) foreach (var (key, value) in environment) variables[key] = value;
        return RunTool(file, args, variables, timeout ?? TimeSpan.FromMinutes(1), Root);
    }

    private void StartDaemons()
    {
        if (!OperatingSystem.IsLinux()) throw new InvalidOperationException("the single-node Slurm cluster runs on Linux only");
        var clock = Stopwatch.StartNew();
        if (!Installed()) Install();
        InstallSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();

        // munged refuses a key readable by others and a socket directory others cannot enter.
        const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (string sub in new[] { "", "munge", "state", "spool", "log" })
        {
            Directory.CreateDirectory(Path.Combine(Root, sub));
            File.SetUnixFileMode(Path.Combine(Root, sub), Open);
        }
        string key = Path.Combine(Root, "munge", "munge.key");
        File.WriteAllBytes(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        string socket = Path.Combine(Root, "munge", "munge.socket");
        StartDaemon(Tool("munged"), ["-F", "--key-file=" + key, "--socket=" + socket, "--pid-file=" + Path.Combine(Root, "munge", "munged.pid"),
            "--log-file=" + Path.Combine(Root, "munge", "munged.log"), "--seed-file=" + Path.Combine(Root, "munge", "munged.seed")]);
        WaitUntil(() => File.Exists(socket), TimeSpan.FromSeconds(20), "munged did not create its socket " + socket);

        File.WriteAllText(ConfigPath, Configuration(socket));
        StartDaemon(Tool("slurmctld"), ["-D", "-f", ConfigPath]);
        StartDaemon(Tool("slurmd"), ["-D", "-N", "localhost", "-f", ConfigPath]);
        string state = "";
        WaitUntil(() => (state = Run("sinfo", ["-h", "-N", "-o", "%t"]).Out.Trim()) == "idle", TimeSpan.FromSeconds(60),
            "the node did not become idle");
        StartSeconds = clock.Elapsed.TotalSeconds;
        _log.AppendLine(CultureInfo.InvariantCulture, $"node idle after {StartSeconds:0.0} s (apt-get: {InstallSeconds:0.0} s)");
    }

    private string Configuration(string mungeSocket)
    {
        // Free ports, so a Slurm already running on this machine is left alone.
        int controllerPort = FreePort(), nodePort = FreePort();
        long memoryMegabytes = MemoryMegabytes();
        string dir = Root;
        return string.Join('\n',
            "ClusterName=channelsim-test",
            "SlurmctldHost=localhost",
            $"SlurmctldPort={controllerPort}",
            $"SlurmdPort={nodePort}",
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            $"AuthInfo=socket={mungeSocket}",
            $"StateSaveLocation={dir}/state",
            $"SlurmdSpoolDir={dir}/spool",
            $"SlurmctldPidFile={dir}/slurmctld.pid",
            $"SlurmdPidFile={dir}/slurmd.pid",
            $"SlurmctldLogFile={dir}/log/slurmctld.log",
            $"SlurmdLogFile={dir}/log/slurmd.log",
            // No cgroups in a container: track job processes through /proc, bind no tasks.
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core_Memory",
            "SchedulerType=sched/builtin",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/filetxt",
            $"JobCompLoc={JobCompletionLog}",
            "ReturnToService=2",
            "MpiDefault=none",
            // A merge whose shards failed is cancelled instead of waiting for ever.
            "DependencyParameters=kill_invalid_depend",
            "MinJobAge=600",
            $"NodeName=localhost CPUs={Environment.ProcessorCount} RealMemory={memoryMegabytes} State=UNKNOWN",
            "PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
            "");
    }

    /// <summary>Half the machine's memory, at most 4 GB: a node that claims more than it has is drained by slurmd.</summary>
    private static long MemoryMegabytes()
    {
        foreach (string line in File.ReadLines("/proc/meminfo"))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal)) continue;
            long kilobytes = long.Parse(line["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            return Math.Min(kilobytes / 1024 / 2, 4096);
        }
        return 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Install()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["DEBIAN_FRONTEND"] = "noninteractive" };
        string[] install = ["install", "-y", "-qq", "--no-install-recommends", .. Packages];
        var result = RunTool("apt-get", install, environment, TimeSpan.FromMinutes(10));
        if (result.Code != 0)
        {
            // A fresh machine may have no package lists yet.
            RunTool("apt-get", ["update", "-qq"], environment, TimeSpan.FromMinutes(5));
            result = RunTool("apt-get", install, environment, TimeSpan.FromMinutes(10));
        }
        if (result.Code != 0 || !Installed())
        {
            throw new InvalidOperationException($"apt-get install {string.Join(' ', Packages)} failed (exit {result.Code}):\n{result.Err}");
        }
    }

    private static bool Installed() => new[] { "sbatch", "squeue", "sinfo", "slurmctld", "slurmd", "munged" }.All(t => FindTool(t) is not null);

    private static string Tool(string name) => FindTool(name) ?? throw new InvalidOperationException(name + " not found on PATH or in /usr/sbin");

    private static string? FindTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private void StartDaemon(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.Environment["SLURM_CONF"] = ConfigPath;
        start.Environment[MarkerVariable] = _marker;
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        string name = Path.GetFileName(file);
        // Drain the pipes so a chatty daemon never blocks on a full one; the text lands in the failure log.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(name + ": " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(name + ": " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _daemons.Add(process);
    }

    private void WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Process? dead = _daemons.FirstOrDefault(p => p.HasExited);
            if (dead is not null || clock.Elapsed > limit)
            {
                string reason = dead is null ? $"after {limit.TotalSeconds:0} s" : $"a daemon exited with code {dead.ExitCode}";
                throw new InvalidOperationException($"{what} ({reason}).\n{Diagnostics()}");
            }
            Thread.Sleep(250);
        }
    }

    /// <summary>The setup log, sinfo's reasons and the tails of the daemon logs.</summary>
    public string Diagnostics()
    {
        var text = new StringBuilder(Log);
        if (File.Exists(ConfigPath)) text.AppendLine("sinfo -R: " + Run("sinfo", ["-R"], timeout: TimeSpan.FromSeconds(10)).Out);
        foreach (string file in new[] { "log/slurmctld.log", "log/slurmd.log", "munge/munged.log" }.Select(f => Path.Combine(Root, f)).Where(File.Exists))
        {
            string[] lines = File.ReadAllLines(file);
            text.AppendLine($"--- last lines of {file}:");
            foreach (string line in lines.Skip(Math.Max(0, lines.Length - 25))) text.AppendLine(line);
        }
        return text.ToString();
    }

    /// <summary>Cancels every job, stops the daemons, ends any process still carrying this cluster's marker and deletes the directory.</summary>
    public void Dispose()
    {
        if (File.Exists(ConfigPath) && _daemons.Count == 3 && !_daemons.Any(p => p.HasExited))
        {
            Run("scancel", ["--user=root"], timeout: TimeSpan.FromSeconds(20));
        }
        // Reverse order: slurmd before the controller, munged last.
        for (int i = _daemons.Count - 1; i >= 0; i--)
        {
            Process daemon = _daemons[i];
            try
            {
                if (!daemon.HasExited)
                {
                    RunTool("kill", ["-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)], null, TimeSpan.FromSeconds(10));
                    if (!daemon.WaitForExit(TimeSpan.FromSeconds(15))) daemon.Kill(entireProcessTree: true);
                    daemon.WaitForExit(TimeSpan.FromSeconds(5));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            daemon.Dispose();
        }
        _daemons.Clear();
        foreach (int pid in MarkedProcesses())
        {
            try
            {
                using Process straggler = Process.GetProcessById(pid);
                straggler.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Ended meanwhile.
            }
            catch (InvalidOperationException)
            {
            }
        }
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Processes whose environment holds this cluster's marker (daemons' children, job steps, channelsim in jobs).</summary>
    public IReadOnlyList<int> MarkedProcesses()
    {
        byte[] needle = Encoding.ASCII.GetBytes(MarkerVariable + "=" + _marker + "\0");
        var found = new List<int>();
        foreach (string entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == Environment.ProcessId) continue;
            try
            {
                byte[] environ = File.ReadAllBytes(Path.Combine(entry, "environ"));
                if (environ.AsSpan().IndexOf(needle) >= 0) found.Add(pid);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private static (int Code, string Out, string Err) RunTool(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        if (environment is not null) foreach (var (key, value) in environment) start.Environment[key] = value;
        try
        {
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return (-1, stdout.Result, $"{file} timed out after {timeout.TotalSeconds:0} s\n{stderr.Result}");
            }
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", $"{file}: {e.Message}");
        }
    }
}
