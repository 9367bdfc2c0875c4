using System.Text.Json;
using CodeLlama.Refactor.Pipelines;

namespace CodeLlama.Refactor.Reports;

/// <summary>The parts every command's report shares: the choice of format, the JSON settings, the dry-run diffs.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes a report in <paramref name="format"/>, asking only for the shape that format needs.</summary>
    /// <param name="format">The report format.</param>
    /// <param name="writer">Where the report goes.</param>
    /// <param name="rootDirectory">The folder SARIF paths are relative to.</param>
    /// <param name="json">Builds the JSON object.</param>
    /// <param name="findings">Builds the SARIF results.</param>
    /// <param name="text">Writes the text report.</param>
    public static void Write(
        ReportFormat format,
        TextWriter writer,
        string rootDirectory,
        Func<object> json,
        Func<IReadOnlyList<Finding>> findings,
        Action<TextWriter> text)
    {
        switch (format)
        {
            case ReportFormat.Json:
                writer.WriteLine(JsonSerializer.Serialize(json(), JsonOptions));
                break;
            case ReportFormat.Sarif:
                SarifWriter.Write(findings(), rootDirectory, writer);
                break;
            default:
                text(writer);
                break;
        }
    }

    /// <summary>
    /// Writes one line per file that was not written, naming it and why; the files withheld only because another one
    /// could not be written share one line.
    /// </summary>
    /// <param name="files">The file outcomes of a run.</param>
    /// <param name="writer">Where the lines go.</param>
    public static void WriteNotWritten(IReadOnlyList<FileOutcome> files, TextWriter writer)
    {
        foreach (var file in files.Where(file => file.Status is FileStatus.Rejected or FileStatus.Conflict or FileStatus.NotWritten or FileStatus.Failed))
        {
            var status = file.Status == FileStatus.NotWritten ? "refused" : file.Status.ToString().ToLowerInvariant();
            writer.WriteLine($"{file.RelativePath}: not written ({status}): {file.Reason}");
        }

        if (files.Count(file => file.Status == FileStatus.Withheld) is var withheld and > 0)
        {
            writer.WriteLine($"{withheld} other file(s) not written: a run writes all its files or none.");
        }
    }

    /// <summary>Writes the unified diff of every file a dry run would change.</summary>
    /// <param name="files">The file outcomes of a run.</param>
    /// <param name="writer">Where the diffs go.</param>
    public static void WriteDryRunDiffs(IEnumerable<FileOutcome> files, TextWriter writer)
    {
        foreach (var file in files.Where(file => file.Status == FileStatus.DryRun))
        {
            writer.Write(file.Diff);
        }
    }
}
