namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>Folders of the repository the tests run from.</summary>
public static class RepositoryFolders
{
    /// <summary>docs/screenshots, where the console's screenshots are kept and linked from the README.</summary>
    public static string Screenshots()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EduQuality.sln")))
        {
            folder = folder.Parent;
        }

        var screenshots = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("EduQuality.sln not found above the test binaries."), "docs", "screenshots");
        Directory.CreateDirectory(screenshots);
        return screenshots;
    }
}
