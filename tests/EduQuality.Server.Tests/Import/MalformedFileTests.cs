using System.Text;
using EduQuality.Cli.Import;
using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>A file with bad cells is refused whole, each problem named by file, line, column and value.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MalformedFileTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Bad_cells_are_named_by_line_column_and_value_and_nothing_is_sent()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_malformed"));
        using var importer = new Importer(server);
        await importer.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        var path = Path.Combine(importer.JournalFolder, "vpr-broken.csv");
        Directory.CreateDirectory(importer.JournalFolder);
        // Line 1 is the header. Line 3: mark 7; line 4: task 2 reads "abc"; line 5: a school nobody registered;
        // line 6 repeats the participant of line 2, in another batch of two rows.
        await File.WriteAllTextAsync(path, string.Join("\r\n",
            "Логин ОО;Код участника;Параллель;Класс;Предмет;1 (1);2 (2);Первичный балл;Отметка за работу",
            "R77-M01-S001;V1;5;5А;Математика;1;2;3;3",
            "R77-M01-S001;V2;5;5А;Математика;1;2;3;7",
            "R77-M01-S001;V3;5;5А;Математика;1;abc;1;2",
            "R99-NOWHERE;V4;5;5А;Математика;0;1;1;2",
            "R77-M01-S002;V1;5;5Б;Математика;0;1;1;2"), Encoding.UTF8);

        var summary = await importer.RunAsync(path, "vpr-fisoko", 2025, new ImportOptions { BatchRows = 2 });

        Assert.True(summary.Stopped);
        Assert.Equal((5, 0), (summary.RowsRead, summary.RowsSent));
        Assert.Equal([3, 4, 5, 6], summary.RefusedLines.Order());
        var messages = summary.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains($"{path}: строка 3, столбец 9 «Отметка за работу»: значение «7»: отметка должна быть 2, 3, 4 или 5", messages);
        Assert.Contains($"{path}: строка 4, столбец 7 «2 (2)»: значение «abc»: ожидается число баллов за задание или «X»", messages);
        Assert.Contains($"{path}: строка 5, столбец 1 «Логин ОО»: значение «R99-NOWHERE»: ОО с таким кодом не зарегистрирована", messages);
        Assert.Contains($"{path}: строка 6, столбец 2 «Код участника»: значение «V1»: повтор: та же запись уже в строке 2", messages);
        Assert.Contains("Ничего не отправлено", importer.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_refused_before_any_row_is_read()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_header"));
        using var importer = new Importer(server);
        var path = Path.Combine(importer.JournalFolder, "ege-no-subject.csv");
        Directory.CreateDirectory(importer.JournalFolder);
        await File.WriteAllTextAsync(path, "Код участника,Код ОО,Первичный балл\nE1,S1,10\n", Encoding.UTF8);

        var refused = await Assert.ThrowsAsync<ImportException>(() => importer.RunAsync(path, "ege-risgia", 2025));

        Assert.Equal($"Файл {path}, строка заголовков 1: нет обязательных столбцов «Код предмета» или «Предмет» (макет ege-risgia).", refused.Message);
    }
}
