using System.Text;
using EduQuality.Cli.Import.Tables;
using EduQuality.Cli.Import.Targets;
using Xunit;

namespace EduQuality.Server.Tests.Import;

/// <summary>Reading export files: CSV dialects and encodings, task strings. Pure code, no server.</summary>
public sealed class FileReadingTests
{
    static FileReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Csv_keeps_quoted_separators_doubled_quotes_and_line_breaks_and_counts_lines_as_the_file_shows_them()
    {
        var text = "Код;Наименование;Численность\r\n" +
                   "S1;\"МБОУ \"\"СОШ № 1\"\"; корпус 2\";100\r\n" +
                   "\r\n" +
                   "S2;\"Школа\r\nс переносом\";200\r\n" +
                   "S3;Лицей;300";

        var table = new CsvTable("t.csv", Encoding.UTF8.GetBytes(text));
        var rows = table.Rows().ToList();

        Assert.Equal(["Код", "Наименование", "Численность"], table.Headers);
        Assert.Equal([2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal("МБОУ \"СОШ № 1\"; корпус 2", rows[0].Cell(1));
        Assert.Equal("Школа\r\nс переносом", rows[1].Cell(1));
        Assert.Equal("300", rows[2].Cell(2));
        Assert.Equal("2 «Наименование»", table.ColumnName(1));
    }

    [Fact]
    public void Csv_in_windows_1251_with_commas_is_recognised()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("Код участника,Отметка\nV1,5\n");

        var table = new CsvTable("t.csv", bytes);

        Assert.Equal("Windows-1251", table.EncodingName);
        Assert.Equal(["Код участника", "Отметка"], table.Headers);
        Assert.Equal(["V1", "5"], table.Rows().Single().Cells);
    }

    [Fact]
    public void Task_strings_read_one_point_signs_and_points_of_maximum()
    {
        var (tasks, problem) = TaskAnswers.Parse("++- 2(3)0(2)");

        Assert.Null(problem);
        Assert.Equal([(1, 1), (1, 1), (0, 1), (2, 3), (0, 2)], tasks);
        Assert.Equal("задание 3: символ «a» не понят; допустимы «+», «-» и «баллы(максимум)»", TaskAnswers.Parse("+-a").Problem);
        Assert.Equal("задание 2: ожидается «баллы(максимум)», например 2(3)", TaskAnswers.Parse("+2(").Problem);
    }
}
