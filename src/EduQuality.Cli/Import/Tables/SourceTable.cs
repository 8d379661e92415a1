using System.Security.Cryptography;

namespace EduQuality.Cli.Import.Tables;

/// <summary>
/// A file of rows under one header row: CSV or the first sheet of an XLSX workbook. The rows can be read more than
/// once (the importer validates the whole file before it sends anything).
/// </summary>
public abstract class SourceTable
{
    protected SourceTable(string path, byte[] content)
    {
        Path = path;
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>The file as given on the command line.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the file's bytes: the same file gets the same batch ids and journal.</summary>
    public string ContentHash { get; }

    /// <summary>Header cells, trimmed.</summary>
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>Line of the header row.</summary>
    public abstract int HeaderLine { get; }

    /// <summary>The data rows below the header, blank rows left out.</summary>
    public abstract IEnumerable<SourceRow> Rows();

    /// <summary>How a column is named in messages: its letter or number and its header.</summary>
    public abstract string ColumnName(int column);

    /// <summary>Opens a .csv (or .txt) or .xlsx file.</summary>
    public static SourceTable Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImportException($"Файл {path} не найден.");
        }

        var content = File.ReadAllBytes(path);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => new XlsxTable(path, content),
            ".csv" or ".txt" => new CsvTable(path, content),
            var other => throw new ImportException($"Файл {path}: формат «{other}» не поддерживается; нужен CSV или XLSX."),
        };
    }

    protected string Header(int column) => column < Headers.Count ? Headers[column] : "";
}
