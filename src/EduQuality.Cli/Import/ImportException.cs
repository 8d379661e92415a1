namespace EduQuality.Cli.Import;

/// <summary>A problem that stops an import before anything is sent: a layout or file that cannot be read.</summary>
public sealed class ImportException(string message) : Exception(message);
