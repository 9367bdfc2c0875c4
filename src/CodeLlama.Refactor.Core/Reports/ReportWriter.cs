using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;

namespace CodeLlama.Refactor.Reports;

/// <summary>The parts every command's report shares: the choice of format, the JSON settings, the dry-run diffs.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The version of the JSON reports' shape (docs/reports.md); it changes only when a field changes meaning or goes.</summary>
    public const int JsonSchemaVersion = 1;

    /// <summary>Writes a report in <paramref name="settings"/>' format, asking only for the shape that format needs.</summary>
    /// <param name="settings">The report format and its settings.</param>
    /// <param name="writer">Where the report goes.</param>
    /// <param name="rootDirectory">The folder the findings' paths are relative to.</param>
    /// <param name="command">The command's name, recorded in the JSON report.</param>
    /// <param name="json">Builds the JSON object.</param>
    /// <param name="findings">Builds the SARIF results.</param>
    /// <param name="text">Writes the text report.</param>
    public static void Write(
        ReportSettings settings,
        TextWriter writer,
        string rootDirectory,
        string command,
        Func<object> json,
        Func<IReadOnlyList<Finding>> findings,
        Action<TextWriter> text)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(writer);
        switch (settings.Format)
        {
            case ReportFormat.Json:
                writer.WriteLine(Versioned(command, json()).ToJsonString(JsonOptions));
                break;
            case ReportFormat.Sarif:
                SarifWriter.Write(findings(), rootDirectory, writer, settings.SarifRoot);
                break;
            default:
                text(writer);
                break;
        }
    }

    // Every JSON report starts the same way: which shape it is, which command and tool wrote it.
    private static JsonObject Versioned(string command, object body)
    {
        var report = new JsonObject
        {
            ["schemaVersion"] = JsonSchemaVersion,
            ["command"] = command,
            ["tool"] = new JsonObject { ["name"] = "codellama-refactor", ["version"] = SarifWriter.ToolVersion },
        };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(body)!.AsObject().ToList())
        {
            report[name] = value?.DeepClone();
        }

        return report;
    }

    /// <summary>
    /// The fix that a dry run's edit of <paramref name="file"/> is, for the findings it resolves; null when the file is
    /// not a dry run's.
    /// </summary>
    /// <param name="file">A file outcome.</param>
    /// <param name="description">What the edit does.</param>
    /// <returns>The fix, or null.</returns>
    public static FindingFix? DryRunFix(FileOutcome? file, string description) =>
        file is { Status: FileStatus.DryRun } ? new FindingFix(description, FindingFix.Between(file.Edit.Original, file.Edit.Updated)) : null;

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
