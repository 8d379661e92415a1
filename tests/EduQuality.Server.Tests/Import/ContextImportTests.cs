using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Cli.Import;
using EduQuality.Server.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>
/// The context samples (school contexts, teachers, olympiads, career guidance, reported values) go through eduq's
/// importer into a real server; what the server holds is compared with figures taken from the files independently,
/// and a second import of each file (without the journal) is all duplicates.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ContextImportTests(PostgresFixture postgres)
{
    private const string SchoolContext = "school-context-2025-r77.csv";
    private const string Teachers = "teachers-2025-r77.csv";
    private const string Olympiads = "olympiads-2025-r77.xlsx";
    private const string Career = "career-guidance-2025-r77.csv";
    private const string Reported = "reported-values-2025-r77.csv";

    [Fact]
    public async Task Every_context_sample_loads_end_to_end_and_a_reimport_is_all_duplicates()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_context"));
        var analysis = new AnalysisService.AnalysisServiceClient(server.Channel);
        using (var registry = new Importer(server))
        {
            await registry.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        }

        // Olympiads come as a sheet: its columns B (stage), D, E, F (participants, winners, prize-winners).
        var stages = SampleFiles.XlsxColumn(Olympiads, "B");
        var (participants, winners, prizeWinners) = (Numbers(Olympiads, "D"), Numbers(Olympiads, "E"), Numbers(Olympiads, "F"));
        var files = new (string File, string Layout, int? Year, int Rows)[]
        {
            (SchoolContext, "school-context-monitoring", 2025, SampleFiles.Csv(SchoolContext, 65001, ';').Rows.Count),
            (Teachers, "teachers-pd", null, SampleFiles.Csv(Teachers, 1251, ';').Rows.Count),
            (Olympiads, "olympiads-vsosh", 2025, stages.Count),
            (Career, "career-guidance", 2025, SampleFiles.Csv(Career, 65001, ',').Rows.Count),
            (Reported, "reported-values", 2025, SampleFiles.Csv(Reported, 65001, ';').Rows.Count),
        };
        using (var importer = new Importer(server))
        {
            foreach (var (file, layout, year, rows) in files)
            {
                SampleImportTests.AssertAllLoaded(rows, await importer.RunAsync(SampleFiles.Path(file), layout, year));
                Assert.EndsWith($"  новых: {rows}, исправлений: 0, без изменений: 0, повторно присланных пакетов: 0{Environment.NewLine}", importer.Output.ToString(), StringComparison.Ordinal);
            }
        }

        // School contexts: one row per school; the percentages of the file are shares on the server.
        var context = SampleFiles.Csv(SchoolContext, 65001, ';').Rows;
        Assert.Equal(context.Count, await ScalarAsync<long>(server, "SELECT count(*) FROM school_context WHERE year = 2025"));
        Assert.Equal(context.Sum(r => Decimal(r[4])) / 100, await ScalarAsync<double>(server, "SELECT sum(share_chronic_absence) FROM school_context WHERE year = 2025"), 9);
        Assert.Equal(context.Count(r => r[9] == "Да"), await ScalarAsync<long>(server, "SELECT count(*) FROM school_context WHERE year = 2025 AND staff_shortage"));
        Assert.Equal(context.Count(r => r[6] == "Да"), await ScalarAsync<long>(server, "SELECT count(*) FROM school_context WHERE year = 2025 AND remote"));
        // Column K, the number of students: the counts behind the shares are derived from it (share × students, rounded).
        Assert.Equal(context.Sum(r => long.Parse(r[10], CultureInfo.InvariantCulture)), await ScalarAsync<long>(server, "SELECT sum(students) FROM school_context WHERE year = 2025"));
        Assert.Equal(
            context.Sum(r => (long)Math.Round(Decimal(r[4]) / 100 * long.Parse(r[10], CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero)),
            await ScalarAsync<long>(server, "SELECT sum(students_systematic_absence) FROM school_context WHERE year = 2025"));

        // Teachers (the year from the file's own column): NOR-T3 of R77-M01 is its diagnosed teachers over its teachers.
        var teachers = SampleFiles.Csv(Teachers, 1251, ';').Rows;
        var m01 = teachers.Where(r => r[1].StartsWith("R77-M01-", StringComparison.Ordinal)).ToList();
        var norT3 = await IndicatorAsync(analysis, "R77-M01", "NOR-T3");
        Assert.Equal((m01.Count(r => r[3] == "Да"), m01.Count), ((int)norT3.Numerator, (int)norT3.Denominator));
        Assert.Equal(teachers.Count(r => r[4] == "Да"), await ScalarAsync<long>(server, "SELECT count(*) FROM teacher_record WHERE year = 2025 AND pd_by_request"));

        // Olympiads: participants per stage; R3-OL2 of the region is the winners and prize-winners of the regional stage.
        foreach (var (stage, number) in new[] { ("Школьный", 1), ("Муниципальный", 2), ("Региональный", 3) })
        {
            Assert.Equal(participants.Where((_, i) => stages[i] == stage).Sum(),
                await ScalarAsync<long>(server, $"SELECT coalesce(sum(participants), 0) FROM olympiad_result WHERE year = 2025 AND stage = {number}"));
        }

        var regionalAwards = Enumerable.Range(0, stages.Count).Where(i => stages[i] == "Региональный").Sum(i => winners[i] + prizeWinners[i]);
        Assert.True(regionalAwards > 0);
        Assert.Equal(regionalAwards, (await IndicatorAsync(analysis, "R77", "R3-OL2")).Value);

        // Career guidance (',' separated; the header holds a quoted comma, the data rows none).
        var career = SampleFiles.Csv(Career, 65001, ',').Rows;
        Assert.Equal(career.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)), await ScalarAsync<long>(server, "SELECT sum(graduates) FROM career_guidance WHERE year = 2025"));
        Assert.Equal(career.Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture)), await ScalarAsync<long>(server, "SELECT sum(bilet_v_budushee) FROM career_guidance WHERE year = 2025"));

        // Reported values: R1-I1 of R77-M02 has no computed data, so the reported value is served.
        var reported = SampleFiles.Csv(Reported, 65001, ';').Rows;
        Assert.Equal(reported.Count, await ScalarAsync<long>(server, "SELECT count(*) FROM reported_indicator_value WHERE year = 2025"));
        var m02 = await IndicatorAsync(analysis, "R77-M02", "R1-I1");
        Assert.Equal(Decimal(reported.Single(r => r[0] == "R77-M02" && r[1] == "R1-I1")[3]), m02.Value, 9);

        // Again, without the journal: the server recognises every batch and changes nothing.
        using (var again = new Importer(server))
        {
            foreach (var (file, layout, year, _) in files)
            {
                var summary = await again.RunAsync(SampleFiles.Path(file), layout, year);
                Assert.Empty(summary.Problems);
                Assert.True(summary.BatchesSent > 0);
                Assert.Equal((summary.BatchesSent, 0, 0, 0), (summary.DuplicateBatches, summary.Inserted, summary.Corrected, summary.Unchanged));
                Assert.EndsWith($"  новых: 0, исправлений: 0, без изменений: 0, повторно присланных пакетов: {summary.BatchesSent}{Environment.NewLine}", again.Output.ToString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(teachers.Count, await ScalarAsync<long>(server, "SELECT count(*) FROM teacher_record WHERE year = 2025"));
    }

    [Fact]
    public async Task An_interrupted_context_import_resumes_from_its_journal_and_stores_each_row_once()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_context_resume"));
        using var importer = new Importer(server);
        await importer.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        var rows = SampleFiles.Csv(Teachers, 1251, ';').Rows.Count;
        // 10 rows a batch, one call at a time: the file goes in ceil(rows / 10) acknowledged steps.
        var options = new ImportOptions { BatchRows = 10, BatchesPerStream = 1, Parallelism = 1 };
        var batches = (rows + 9) / 10;

        using var interrupt = new CancellationTokenSource();
        var first = await importer.RunAsync(SampleFiles.Path(Teachers), "teachers-pd", null, options,
            new ResumeTests.Stop(p => p.RowsDone >= 30, interrupt), interrupt.Token);
        var second = await importer.RunAsync(SampleFiles.Path(Teachers), "teachers-pd", null, options);

        Assert.True(first.Interrupted);
        Assert.InRange(first.BatchesSent, 3, batches - 1);
        Assert.Equal((first.BatchesSent, batches - first.BatchesSent), (second.BatchesResumed, second.BatchesSent));
        // A call cut off after the server applied it comes back as a duplicate batch (10 rows), never as a second copy.
        Assert.Equal(rows, first.Inserted + second.Inserted + (second.DuplicateBatches * 10));
        Assert.Equal(rows, await ScalarAsync<long>(server, "SELECT count(*) FROM teacher_record WHERE year = 2025"));
    }

    [Fact]
    public async Task A_malformed_file_of_each_kind_is_refused_naming_line_column_and_value_in_Russian()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_context_bad"));
        using var importer = new Importer(server);
        await importer.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        Directory.CreateDirectory(importer.JournalFolder);

        var schoolContext = await RefusedAsync(importer, "context-bad.csv", "school-context-monitoring",
            "Код ОО;Доля обучающихся на учёте в ОДН/КДН, %;Доля детей мигрантов, %;Доля неаттестованных обучающихся, %;Доля пропускающих занятия, %;Доля обучающихся с ОВЗ (ЗПР, УО), %;Удаленность;Малокомплектная;Дефицит инфраструктуры;Кадровый дефицит",
            "R77-M01-S001;1,5;2;0;1;2;Нет;Нет;Нет;Нет",
            "R77-M01-S002;150;2;0;1;2;Нет;Нет;Нет;Нет",
            "R77-M01-S003;1;2;0;1;2;Возможно;Нет;Нет;Нет");
        Assert.Equal(
        [
            "строка 3, столбец 2 «Доля обучающихся на учёте в ОДН/КДН, %»: значение «1.5»: доля должна быть от 0 до 1 (от 0 до 100 %)",
            "строка 4, столбец 7 «Удаленность»: значение «Возможно»: ожидается «Да» или «Нет»",
        ], schoolContext);

        var teachers = await RefusedAsync(importer, "teachers-bad.csv", "teachers-pd",
            "Год;Код ОО;Код педагога;Диагностика профдефицитов",
            "2025;R77-M01-S001;T-1;Да",
            "2025;R77-M09-S001;T-2;Да",
            "2025;R77-M01-S001;T-1;Нет",
            "2025;R77-M01;T-3;Нет");
        Assert.Equal(
        [
            "строка 3, столбец 2 «Код ОО»: значение «R77-M09-S001»: ОО с таким кодом не зарегистрирована в этом учебном году",
            "строка 4, столбец 3 «Код педагога»: значение «T-1»: повтор: та же запись уже в строке 2",
            "строка 5, столбец 2 «Код ОО»: значение «R77-M01»: ОО с таким кодом не зарегистрирована в этом учебном году",
        ], teachers);

        var olympiads = await RefusedAsync(importer, "olympiads-bad.csv", "olympiads-vsosh",
            "Код ОО;Этап;Предмет;Участников;Победителей;Призеров",
            "R77-M01-S001;Всероссийский;Математика;6;1;1",
            "R77-M01-S001;Школьный;Физика;6;3;5",
            "R77-M01-S001;Школьный;Астрономия;6;0;1");
        Assert.Equal(
        [
            "строка 2, столбец 2 «Этап»: значение «Всероссийский»: значение не распознано",
            "строка 3, столбец 6 «Призеров»: значение «5»: победителей (3) и призёров (5) вместе больше, чем участников (6)",
            "строка 4, столбец 3 «Предмет»: значение «Астрономия»: неизвестный код предмета",
        ], olympiads);

        var career = await RefusedAsync(importer, "career-bad.csv", "career-guidance",
            "Код ОО;Выпускников;Поступили по целевому договору;Продолжают обучение в ПОО;Обучаются по приоритетным программам (ТОП-50, ТОП-регион);Билет в будущее;Предприятий-партнеров",
            "R77-M01-S001;пять;0;0;0;0;0",
            "R77-M01-S002;10;0;12;0;-1;0");
        Assert.Equal(
        [
            "строка 2, столбец 2 «Выпускников»: значение «пять»: ожидается целое число",
            "строка 3, столбец 4 «Продолжают обучение в ПОО»: значение «12»: больше, чем выпускников (10)",
            "строка 3, столбец 6 «Билет в будущее»: значение «-1»: количество не может быть отрицательным",
        ], career);

        var reported = await RefusedAsync(importer, "reported-bad.csv", "reported-values",
            "Код организации;Код показателя;Значение",
            "R77-M01;X-99;1",
            "R77-M01-S001;R1-I1;120,5",
            "R77-M01-S002;R1-I1;много");
        Assert.Equal(
        [
            "строка 2, столбец 2 «Код показателя»: значение «X-99»: в каталоге нет показателя с таким кодом",
            "строка 3, столбец 3 «Значение»: значение «120.5»: показатель в процентах: значение должно быть от 0 до 100",
            "строка 4, столбец 3 «Значение»: значение «много»: ожидается десятичное число, например 0,035",
        ], reported);

        Assert.Equal(0L, await ScalarAsync<long>(server,
            "SELECT (SELECT count(*) FROM school_context) + (SELECT count(*) FROM teacher_record) + (SELECT count(*) FROM olympiad_result) + (SELECT count(*) FROM career_guidance) + (SELECT count(*) FROM reported_indicator_value)"));
    }

    [Fact]
    public async Task A_row_only_the_server_can_refuse_is_reported_in_Russian_by_line_and_column()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_context_server"));
        using (var registry = new Importer(server))
        {
            await registry.RunAsync(SampleFiles.Path("organizations-r77.csv"), "organizations-registry");
        }

        // An integration key may write but not read the registry: the school codes are checked only by the server.
        using var channel = server.ChannelWith(await Security.Keys.IssueAsync(server, Role.IntegrationWriter, "R77"));
        using var importer = new Importer(server, channel);
        Directory.CreateDirectory(importer.JournalFolder);
        var path = Path.Combine(importer.JournalFolder, "teachers-municipality.csv");
        await File.WriteAllTextAsync(path, "Код ОО;Код педагога;Диагностика профдефицитов\r\nR77-M01-S001;T-1;Да\r\nR77-M01;T-2;Нет\r\n", System.Text.Encoding.UTF8);

        var summary = await importer.RunAsync(path, "teachers-pd", 2025);

        Assert.True(summary.Stopped);
        Assert.Equal(0, summary.Inserted);
        Assert.Equal($"{path}: строка 3, столбец 1 «Код ОО»: значение «R77-M01»: сервер: ОО с таким кодом не зарегистрирована в этом учебном году",
            Assert.Single(summary.Problems).ToString());
        Assert.Equal(0L, await ScalarAsync<long>(server, "SELECT count(*) FROM teacher_record"));
    }

    [Fact]
    public async Task A_context_file_without_a_year_column_needs_the_year_option()
    {
        await using var server = await RunningServer.StartAsync(await postgres.CreateDatabaseAsync("import_context_year"));
        using var importer = new Importer(server);

        var refused = await Assert.ThrowsAsync<ImportException>(() => importer.RunAsync(SampleFiles.Path(Career), "career-guidance"));

        Assert.Equal($"Файл {SampleFiles.Path(Career)}: нет столбца учебного года; укажите --year (2025 = 2024/25).", refused.Message);
    }

    /// <summary>Writes a file of lines, imports it and returns its problems without the file name; nothing may have been sent.</summary>
    private static async Task<List<string>> RefusedAsync(Importer importer, string name, string layout, params string[] lines)
    {
        var path = Path.Combine(importer.JournalFolder, name);
        await File.WriteAllTextAsync(path, string.Join("\r\n", lines), System.Text.Encoding.UTF8);
        var summary = await importer.RunAsync(path, layout, 2025);
        Assert.True(summary.Stopped);
        Assert.Equal(0, summary.RowsSent);
        return [.. summary.Problems.OrderBy(p => p.Line).ThenBy(p => p.Column, StringComparer.Ordinal).Select(p => p.ToString()[(path.Length + 2)..])];
    }

    private static List<int> Numbers(string sheet, string column) =>
        [.. SampleFiles.XlsxColumn(sheet, column).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];

    private static double Decimal(string cell) => double.Parse(cell.Replace(',', '.'), CultureInfo.InvariantCulture);

    private static async Task<IndicatorValueView> IndicatorAsync(AnalysisService.AnalysisServiceClient analysis, string organization, string code) =>
        (await analysis.GetIndicatorValuesAsync(new IndicatorValuesRequest { OrganizationCode = organization, Year = 2025 })).Indicators.Single(i => i.Code == code);

    private static async Task<T> ScalarAsync<T>(RunningServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
