using System.Globalization;
using EduQuality.Cli.Import.Tables;

namespace EduQuality.Cli.Import;

/// <summary>
/// A layout bound to one file's header row: the column of each mapped field and the per-task columns. Reads a
/// row's field values (converted by the layout) and names the column behind a contract field in messages.
/// </summary>
public sealed class LayoutBinding
{
    private readonly ImportLayout _layout;
    private readonly SourceTable _table;
    private readonly Dictionary<string, (int Column, LayoutColumn Mapping)> _fields = new(StringComparer.Ordinal);

    private LayoutBinding(ImportLayout layout, SourceTable table)
    {
        _layout = layout;
        _table = table;
    }

    /// <summary>Per-task columns in file order: the column and the task's maximum points.</summary>
    public IReadOnlyList<(int Column, int MaxPoints)> TaskColumns { get; private set; } = [];

    /// <summary>
    /// Binds <paramref name="layout"/> to the headers of <paramref name="table"/>; refuses a layout field the target
    /// does not know and a file without a required column.
    /// </summary>
    public static LayoutBinding Bind(ImportLayout layout, SourceTable table, IReadOnlySet<string> targetFields)
    {
        var binding = new LayoutBinding(layout, table);
        var missing = new List<string>();
        foreach (var mapping in layout.Columns)
        {
            if (!targetFields.Contains(mapping.Field))
            {
                throw new ImportException($"Макет {layout.Name}: поле «{mapping.Field}» не известно; допустимы {string.Join(", ", targetFields.Order(StringComparer.Ordinal))}.");
            }

            var column = mapping.Headers
                .Select(h => table.Headers.ToList().FindIndex(t => string.Equals(t, h.Trim(), StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(i => i >= 0, -1);
            if (column >= 0)
            {
                binding._fields[mapping.Field] = (column, mapping);
            }
            else if (mapping.Required)
            {
                missing.Add($"«{string.Join("» или «", mapping.Headers)}»");
            }
        }

        if (missing.Count > 0)
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"Файл {table.Path}, строка заголовков {table.HeaderLine}: нет обязательных столбцов {string.Join(", ", missing)} (макет {layout.Name})."));
        }

        if (layout.TaskColumnPattern is { } pattern)
        {
            binding.TaskColumns = [.. table.Headers
                .Select((header, column) => (Match: pattern.Match(header), Column: column))
                .Where(h => h.Match.Success)
                .Select(h => (h.Column, int.Parse(h.Match.Groups[2].Value, CultureInfo.InvariantCulture)))];
        }

        return binding;
    }

    /// <summary>The converted value of a field in a row: from its column, else the layout's constant, else null.</summary>
    public string? Value(SourceRow row, string field) =>
        _fields.TryGetValue(field, out var bound)
            ? bound.Mapping.Convert(row.Cell(bound.Column))
            : _layout.Constants.GetValueOrDefault(field);

    /// <summary>The layout's mapping of a field when the file has its column, else null.</summary>
    public LayoutColumn? Column(string field) => _fields.TryGetValue(field, out var bound) ? bound.Mapping : null;

    /// <summary>The raw cell behind a field, for messages (the constant when the file has no such column).</summary>
    public string RawValue(SourceRow row, string field) =>
        _fields.TryGetValue(field, out var bound) ? row.Cell(bound.Column) : _layout.Constants.GetValueOrDefault(field, "");

    /// <summary>
    /// Names the column behind a contract field path such as "rows[3].mark" or "rows[3].task_points[2]" (tasks map to
    /// their columns); empty when no column feeds it.
    /// </summary>
    public string ColumnOf(string fieldPath, IReadOnlyList<string> taskFields)
    {
        var field = fieldPath[(fieldPath.IndexOf('.', StringComparison.Ordinal) + 1)..];
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? field : field[..bracket];
        if (_fields.TryGetValue(name, out var bound))
        {
            return _table.ColumnName(bound.Column);
        }

        if (name is "task_points" or "task_max_points")
        {
            if (bracket >= 0 && TaskColumns.Count > 0 && int.TryParse(field[(bracket + 1)..^1], CultureInfo.InvariantCulture, out var task) && task < TaskColumns.Count)
            {
                return _table.ColumnName(TaskColumns[task].Column);
            }

            var sources = TaskColumns.Select(t => _table.ColumnName(t.Column))
                .Concat(taskFields.Where(_fields.ContainsKey).Select(f => _table.ColumnName(_fields[f].Column)))
                .ToList();
            return sources.Count == 0 ? "" : sources.Count == 1 ? sources[0] : $"{sources[0]} … {sources[^1]}";
        }

        return "";
    }
}
