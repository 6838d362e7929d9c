using Simulation.Core.Reporting;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Reporting;

public class AtomicFileTests
{
    [Fact]
    public void WritingReplacesTheFileAndLeavesNoTemporaryFile()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("out.csv");
        AtomicFile.WriteAllText(path, "old\n");
        AtomicFile.WriteText(path, w => w.WriteLine("new"));
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void AFailedWriteLeavesTheOldFileUntouched()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("summary.json");
        AtomicFile.WriteAllText(path, "{\"complete\": true}\n");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("{\"half");
            w.Flush();
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("{\"complete\": true}\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void TextIsUtf8WithoutByteOrderMark()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("é.csv");
        AtomicFile.WriteText(path, w => w.WriteLine("café"));
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'c', bytes[0]);
        Assert.Equal("café\n", System.Text.Encoding.UTF8.GetString(bytes));
    }
}
