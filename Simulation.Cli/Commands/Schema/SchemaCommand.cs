using System.CommandLine;
using System.Text;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Schema;

/// <summary>channelsim schema [--out FILE]: the JSON Schema of the scenario format, for editor completion and checks.</summary>
public static class SchemaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var outOption = new Option<FileInfo?>("--out", "-o")
        {
            Description = "File to write the schema to (default: standard output).",
        };
        var command = new Command("schema", "Write the JSON Schema of the scenario file format (the same bytes as docs/scenario.schema.json).")
        {
            outOption,
        };
        command.SetAction(parse => Execute(parse.GetValue(outOption)?.FullName, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Writes the schema to <paramref name="outPath"/> or to <paramref name="output"/>; returns the exit code.</summary>
    public static int Execute(string? outPath, TextWriter output, TextWriter error)
    {
        string schema = JsonSchemaWriter.Write();
        if (outPath is null)
        {
            output.Write(schema);
            return ExitCodes.Ok;
        }
        try
        {
            string? directory = Path.GetDirectoryName(outPath);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            File.WriteAllText(outPath, schema, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            error.WriteLine($"channelsim schema: wrote {outPath}");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"channelsim schema: cannot write {outPath}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
