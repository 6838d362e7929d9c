using System.Collections.Immutable;
using System.Globalization;
using Simulation.Core.Reporting;

namespace Simulation.Core.Calibration;

/// <summary>
/// waves.csv: one row per point run, with everything needed to rebuild the point exactly (values,
/// simulated means and standard deviations in round-trip form) and the derived implausibilities and
/// decisions. The checkpoint and a shard's output use the same rows, so reading them back gives the
/// points that were run, bit for bit.
/// </summary>
public static class CalibrationTable
{
    /// <summary>File name in the output directory.</summary>
    public const string WavesFile = "waves.csv";

    /// <summary>Column names, in order.</summary>
    public static ImmutableArray<string> Header(CalibrationSpec spec)
    {
        var h = ImmutableArray.CreateBuilder<string>();
        h.Add("wave");
        h.Add("point");
        foreach (CalibrationParameter p in spec.Parameters) h.Add(p.Key);
        foreach (CalibrationTarget t in spec.Targets) h.Add("mean_" + t.Name);
        foreach (CalibrationTarget t in spec.Targets) h.Add("sd_" + t.Name);
        foreach (CalibrationTarget t in spec.Targets) h.Add("I_" + t.Name);
        h.Add("max_I");
        h.Add("second_max_I");
        h.Add("non_implausible");
        foreach (CalibrationTarget t in spec.Targets) h.Add("confirm_mean_" + t.Name);
        foreach (CalibrationTarget t in spec.Targets) h.Add("confirm_sd_" + t.Name);
        foreach (CalibrationTarget t in spec.Targets) h.Add("robust_I_" + t.Name);
        h.Add("confirmed");
        return h.ToImmutable();
    }

    /// <summary>The header line.</summary>
    public static string HeaderLine(CalibrationSpec spec) => string.Join(',', Header(spec).Select(InvariantFormat.CsvCell));

    /// <summary>A parameter value as written in YAML: a whole number for integer keys, round-trip form otherwise.</summary>
    public static string Value(CalibrationParameter parameter, double value) =>
        parameter.IsInteger ? InvariantFormat.Integer((long)value) : InvariantFormat.Number(value);

    /// <summary>One row.</summary>
    public static string Row(CalibrationSpec spec, CalibrationPoint point)
    {
        var cells = new List<string>(Header(spec).Length)
        {
            InvariantFormat.Integer(point.Wave),
            InvariantFormat.Integer(point.Index),
        };
        for (int d = 0; d < spec.Parameters.Length; d++) cells.Add(Value(spec.Parameters[d], point.Values[d]));
        foreach (double v in point.Means) cells.Add(InvariantFormat.Number(v));
        foreach (double v in point.Sds) cells.Add(InvariantFormat.Number(v));
        foreach (double v in point.Implausibilities) cells.Add(InvariantFormat.Number(v));
        cells.Add(InvariantFormat.Number(point.MaxImplausibility));
        cells.Add(InvariantFormat.Number(point.SecondMaxImplausibility));
        cells.Add(point.NonImplausible ? "true" : "false");
        int targets = spec.Targets.Length;
        for (int block = 0; block < 3; block++)
        {
            ImmutableArray<double> values = block switch { 0 => point.ConfirmationMeans, 1 => point.ConfirmationSds, _ => point.RobustImplausibilities };
            for (int t = 0; t < targets; t++) cells.Add(values.IsEmpty ? "" : InvariantFormat.Number(values[t]));
        }
        cells.Add(point.Confirmed ? "true" : "false");
        return string.Join(',', cells);
    }

    /// <summary>Writes waves.csv atomically (points in wave, then design order).</summary>
    public static void Write(string path, CalibrationSpec spec, IReadOnlyList<CalibrationPoint> points) =>
        AtomicFile.WriteText(path, w =>
        {
            w.WriteLine(HeaderLine(spec));
            foreach (CalibrationPoint p in points) w.WriteLine(Row(spec, p));
        });

    /// <summary>
    /// Parses rows written by <see cref="Row"/> and re-derives every decision from the stored statistics
    /// with the given replication counts; throws <see cref="InvalidDataException"/> naming the line on anything malformed.
    /// </summary>
    public static List<CalibrationPoint> Parse(IEnumerable<string> lines, string source, CalibrationSpec spec, int replications, int confirmationReplications)
    {
        var points = new List<CalibrationPoint>();
        ImmutableArray<string> header = Header(spec);
        int lineNumber = 0;
        bool headerSeen = false;
        foreach (string line in lines)
        {
            lineNumber++;
            if (!headerSeen)
            {
                if (line != HeaderLine(spec)) throw new InvalidDataException($"{source}: line {lineNumber}: the columns are not those of this calibration file (expected '{HeaderLine(spec)}')");
                headerSeen = true;
                continue;
            }
            if (line.Length == 0) continue;
            string[] cells = line.Split(',');
            if (cells.Length != header.Length) throw new InvalidDataException($"{source}: line {lineNumber}: {cells.Length} cells, expected {header.Length}");
            try
            {
                int c = 0;
                int wave = int.Parse(cells[c++], NumberStyles.None, CultureInfo.InvariantCulture);
                int index = int.Parse(cells[c++], NumberStyles.None, CultureInfo.InvariantCulture);
                ImmutableArray<double> Read(int count, ref int at)
                {
                    var values = new double[count];
                    for (int i = 0; i < count; i++) values[i] = InvariantFormat.ParseNumber(cells[at++]);
                    return values.ToImmutableArray();
                }
                int targets = spec.Targets.Length;
                ImmutableArray<double> values = Read(spec.Parameters.Length, ref c);
                ImmutableArray<double> means = Read(targets, ref c);
                ImmutableArray<double> sds = Read(targets, ref c);
                c += targets + 3;
                bool hasConfirmation = cells[c].Length > 0;
                ImmutableArray<double> confirmMeans = Read(targets, ref c);
                ImmutableArray<double> confirmSds = Read(targets, ref c);
                CalibrationPoint point = CalibrationPoint.Evaluate(spec, wave, index, values, means, sds, replications);
                if (hasConfirmation) point = point.WithConfirmation(spec, confirmMeans, confirmSds, confirmationReplications);
                if (Row(spec, point) != line) throw new InvalidDataException($"{source}: line {lineNumber}: the implausibilities or decisions do not follow from the stored means and standard deviations with {replications} and {confirmationReplications} replications");
                points.Add(point);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"{source}: line {lineNumber}: {e.Message}", e);
            }
        }
        if (!headerSeen) throw new InvalidDataException($"{source}: empty file, expected the header '{HeaderLine(spec)}'");
        return points;
    }

    /// <summary>plausible.csv: set_id then the parameters in the file's order, one row per confirmed point (wave, then design order).</summary>
    public static void WritePlausible(string path, CalibrationSpec spec, IReadOnlyList<CalibrationPoint> points) =>
        AtomicFile.WriteText(path, w =>
        {
            w.WriteLine("set_id," + string.Join(',', spec.Parameters.Select(p => InvariantFormat.CsvCell(p.Key))));
            int id = 0;
            foreach (CalibrationPoint point in points)
            {
                if (!point.Confirmed) continue;
                id++;
                w.Write(InvariantFormat.Integer(id));
                for (int d = 0; d < spec.Parameters.Length; d++) w.Write("," + Value(spec.Parameters[d], point.Values[d]));
                w.WriteLine();
            }
        });
}
