using Simulation.Core.Experiments;
using Spectre.Console;

namespace Simulation.Cli.Commands;

/// <summary>
/// Progress on stderr: a Spectre.Console bar with ETA when stderr is the process's own terminal,
/// sparse plain lines otherwise (pipes, files, tests), so redirected output never holds escape codes.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress sink suited to <paramref name="error"/>.</summary>
    public static T Run<T>(TextWriter error, Func<IProgress<ReplicationProgress>, T> work)
    {
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            && Environment.GetEnvironmentVariable("TERM") != "dumb" && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (!terminal) return work(new SparseProgress(error));
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            // Detect looks at stdout, which is often redirected to a file while stderr is the terminal.
            Interactive = InteractionSupport.Yes,
        });
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("replications", autoStart: true, maxValue: 1);
                result = work(new BarProgress(task));
                task.StopTask();
            });
        return result;
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<ReplicationProgress>
    {
        public void Report(ReplicationProgress value)
        {
            if (value.Total <= 0) return;
            task.MaxValue = value.Total;
            task.Value = value.Completed;
            task.Description = value.Completed.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture) + "/" + value.Total.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture) + " replications";
        }
    }
}
