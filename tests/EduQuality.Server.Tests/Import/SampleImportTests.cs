using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>Every sample under samples/ goes through eduq's importer into a real server; the totals match the files.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SampleImportTests(PostgresFixture postgres)
{
    private const string Region = "R77";

    [Fact]
    public async Task Every_sample_file_loads_end_to_end_and_the_region_holds_exactly_what_the_files_say()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_samples"));
        using var importer = new Importer(server);

        var organizations = SampleFiles.Csv("organizations-r77.csv", 65001, ';').Rows;
        var registry = await importer.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        Assert.Equal((organizations.Count, organizations.Count, 0), (registry.RowsRead, registry.Inserted, registry.RefusedLines.Count));
        var schools = (await server.Organizations.ListChildrenAsync(new ListChildrenRequest { Code = "R77-M02" })).Children;
        Assert.Equal(organizations.Count(r => r[3] == "R77-M02"), schools.Count);

        var (vprHeader, vpr) = SampleFiles.Csv("vpr-2025-ma5-fisoko.csv", 1251, ';');
        var vprSummary = await importer.RunAsync(SampleFiles.Path("vpr-2025-ma5-fisoko.csv"), "vpr-fisoko", 2025);
        AssertAllLoaded(vpr.Count, vprSummary);

        var ogeSubjects = SampleFiles.XlsxColumn("oge-2025-risgia.xlsx", "D");
        var ogeSummary = await importer.RunAsync(SampleFiles.Path("oge-2025-risgia.xlsx"), "oge-risgia", 2025);
        AssertAllLoaded(ogeSubjects.Count, ogeSummary);

        var (egeHeader, ege) = SampleFiles.Csv("ege-2025-risgia.csv", 65001, ',');
        var egeSummary = await importer.RunAsync(SampleFiles.Path("ege-2025-risgia.csv"), "ege-risgia", 2025);
        AssertAllLoaded(ege.Count, egeSummary);

        await SmallRegion.SettleAsync(server, Region, 2025);

        var vprRegion = await SummaryAsync(server, Procedure.Vpr, "MA", 5);
        var markColumn = Array.IndexOf(vprHeader, "Отметка за работу");
        Assert.Equal(vpr.Count, vprRegion.Participants);
        Assert.Equal([.. new[] { "2", "3", "4", "5" }.Select(m => (long)vpr.Count(r => r[markColumn] == m))], vprRegion.MarkCounts);

        Assert.Equal(ogeSubjects.Count(s => s == "2"), (await SummaryAsync(server, Procedure.Oge, "MA", 9)).Participants);
        Assert.Equal(ogeSubjects.Count(s => s == "1"), (await SummaryAsync(server, Procedure.Oge, "RU", 9)).Participants);

        var subject = Array.IndexOf(egeHeader, "Код предмета");
        var passed = Array.IndexOf(egeHeader, "Порог пройден");
        var russian = await SummaryAsync(server, Procedure.Ege, "RU", 11);
        Assert.Equal(ege.Count(r => r[subject] == "1"), russian.Participants);
        Assert.Equal(ege.Count(r => r[subject] == "1" && r[passed] == "Нет"), russian.BelowMinimum);
        Assert.Equal(ege.Count(r => r[subject] == "2"), (await SummaryAsync(server, Procedure.Ege, "MAP", 11)).Participants);
        Assert.Equal(ege.Count(r => r[subject] == "22"), (await SummaryAsync(server, Procedure.Ege, "MAB", 11)).Participants);
    }

    /// <summary>Every row of the file was read, sent and stored as new, with no problem.</summary>
    internal static void AssertAllLoaded(int rowsInFile, Cli.Import.ImportSummary summary)
    {
        Assert.Empty(summary.Problems);
        Assert.Equal(rowsInFile, summary.RowsRead);
        Assert.Equal(rowsInFile, summary.RowsSent);
        Assert.Equal((rowsInFile, 0, 0), (summary.Inserted, summary.Corrected, summary.Unchanged));
    }

    private static async Task<Summary> SummaryAsync(RunningServer server, Procedure procedure, string subject, int grade) =>
        (await server.Query.GetSummaryAsync(new GetSummaryRequest
        {
            OrganizationCode = Region,
            Slice = new Slice { Year = 2025, Procedure = procedure, Subject = subject, Grade = grade },
        })).Summary;
}
