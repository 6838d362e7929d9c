using Simulation.Cli.Reporting;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Cli.Reporting;

public class CsvTableTests
{
    [Fact]
    public void AProvenanceLineOfOlderResultsIsStillSkippedBeforeTheHeader()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("daily.csv");
        File.WriteAllText(path, "# channelsim_version=0.1.0 seed=7 status=complete\nvariant,series,day\nbaseline,arrivals_uk,0\n");
        CsvTable table = CsvTable.Read(path);
        Assert.Equal(["variant", "series", "day"], table.Header);
        Assert.Single(table.Rows);
    }
}
