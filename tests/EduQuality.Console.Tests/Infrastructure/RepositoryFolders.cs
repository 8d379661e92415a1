namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryFolders
{
    /// <summary>Set to 1 (scripts/screenshots.sh does) to write the screenshots into docs/screenshots.</summary>
    public const string UpdateDocsVariable = "EDUQ_UPDATE_SCREENSHOTS";

    /// <summary>
    /// Where screenshots go: TestResults/screenshots of the repository on an ordinary test run, so running the tests
    /// leaves the working tree clean; docs/screenshots (linked from the README) when <see cref="UpdateDocsVariable"/> is 1.
    /// </summary>
    public static string Screenshots()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EduQuality.sln")))
        {
            folder = folder.Parent;
        }

        var root = folder?.FullName ?? throw new InvalidOperationException("EduQuality.sln not found above the test binaries.");
        var screenshots = Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1"
            ? Path.Combine(root, "docs", "screenshots")
            : Path.Combine(root, "TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);
        return screenshots;
    }
}
