namespace EduQuality.Cli.Import;

/// <summary>
/// One refused cell or row of an import file: the file, the line (row of the sheet), the column (header, and letter
/// or number), the value and what is wrong. Printed in Russian for the official who fixes the file.
/// </summary>
public sealed record ImportProblem(string File, int Line, string Column, string Value, string Problem)
{
    public override string ToString() =>
        Column.Length > 0
            ? $"{File}: строка {Line}, столбец {Column}: значение «{Value}»: {Problem}"
            : $"{File}: строка {Line}: {Problem}";
}
