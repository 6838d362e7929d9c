namespace Simulation.Tests.Cli;

/// <summary>
/// Reads a result CSV for tests: leading comment lines starting with '#' (the provenance line some
/// versions write first) are skipped, then a header and rows of plain comma-separated cells.
/// </summary>
internal sealed class CsvFile
{
    private readonly Dictionary<string, int> _columns;

    private CsvFile(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public static CsvFile Read(string path)
    {
        var lines = File.ReadAllLines(path).SkipWhile(l => l.StartsWith('#')).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count > 0, $"{path} has no header line");
        return new CsvFile(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public int Column(string name) =>
        _columns.TryGetValue(name, out int i) ? i : throw new Xunit.Sdk.XunitException($"no column '{name}' in [{string.Join(",", Header)}]");

    public string Cell(string[] row, string column) => row[Column(column)];

    public double Number(string[] row, string column) => double.Parse(Cell(row, column), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The row of replications.csv for (variant, replication).</summary>
    public string[] Replication(string variant, long replication) =>
        Rows.Single(r => Cell(r, "variant") == variant && Cell(r, "replication") == replication.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
