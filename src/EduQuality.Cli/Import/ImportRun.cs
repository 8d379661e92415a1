using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Cli.Import.Tables;
using EduQuality.Cli.Import.Targets;
using Grpc.Net.Client;

namespace EduQuality.Cli.Import;

/// <summary>One import of one file: picks the target the layout names and runs the file importer for it.</summary>
public static class ImportRun
{
    /// <summary>
    /// Imports <paramref name="path"/> with <paramref name="layout"/> over <paramref name="channel"/>; <paramref name="year"/>
    /// is the academic year of result layouts, and of context rows whose file has no year column. Prints what it reads
    /// and the summary to <paramref name="output"/>.
    /// </summary>
    public static async Task<ImportSummary> RunAsync(
        GrpcChannel channel, string path, ImportLayout layout, int? year, ImportOptions options, TextWriter output, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var table = SourceTable.Open(path);
        var encoding = table is CsvTable csv ? $", {csv.EncodingName}" : "";
        output.WriteLine($"Файл {path}{encoding}: макет {layout.Name} ({layout.Title})");
        var organizations = new OrganizationService.OrganizationServiceClient(channel);
        var summary = layout.Target switch
        {
            "results" => await new FileImporter<ResultRow>(ResultTarget(channel, organizations, layout, year), options).RunAsync(table, layout, progress, cancellationToken),
            "organizations" => await new FileImporter<Organization>(new OrganizationTarget(organizations, layout.Name), options).RunAsync(table, layout, progress, cancellationToken),
            "school-context" => await ContextAsync(ContextKinds.SchoolContext),
            "teachers" => await ContextAsync(ContextKinds.Teachers),
            "olympiads" => await ContextAsync(ContextKinds.Olympiads),
            "career-guidance" => await ContextAsync(ContextKinds.CareerGuidance),
            "reported-values" => await ContextAsync(ContextKinds.ReportedValues),
            var other => throw new ImportException($"Макет {layout.Name}: назначение «{other}» не поддерживается ({string.Join(", ", Targets)})."),
        };
        summary.Print(output);
        return summary;

        Task<ImportSummary> ContextAsync<TItem>(ContextKind<TItem> kind) where TItem : class, Google.Protobuf.IMessage<TItem>, new()
        {
            var target = new ContextTarget<TItem>(kind, new ContextService.ContextServiceClient(channel), organizations, layout.Name, year);
            return new FileImporter<TItem>(target, options).RunAsync(table, OfYear(layout, table, LayoutBinding.Bind(layout, table, target.Fields), year), progress, cancellationToken);
        }
    }

    /// <summary>The targets a layout may name.</summary>
    public static IReadOnlyList<string> Targets { get; } = ["results", "organizations", "school-context", "teachers", "olympiads", "career-guidance", "reported-values"];

    /// <summary>
    /// A context layout with <c>--year</c> as the year of rows whose file has no year column; without <c>--year</c> the
    /// file must have one.
    /// </summary>
    private static ImportLayout OfYear(ImportLayout layout, SourceTable table, LayoutBinding binding, int? year)
    {
        if (year is { } academicYear)
        {
            return layout with { Constants = new(layout.Constants) { ["year"] = academicYear.ToString(CultureInfo.InvariantCulture) } };
        }

        return binding.Column("year") is not null
            ? layout
            : throw new ImportException($"Файл {table.Path}: нет столбца учебного года; укажите --year (2025 = 2024/25).");
    }

    private static ResultTarget ResultTarget(GrpcChannel channel, OrganizationService.OrganizationServiceClient organizations, ImportLayout layout, int? year)
    {
        if (year is not { } academicYear)
        {
            throw new ImportException("Для результатов укажите учебный год: --year (2025 = 2024/25).");
        }

        if (!Enum.TryParse<Procedure>(layout.Procedure.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var procedure) || procedure == Procedure.Unspecified)
        {
            throw new ImportException($"Макет {layout.Name}: процедура «{layout.Procedure}» не известна (VPR, OGE, EGE, NIKO, REGIONAL_DIAGNOSTIC).");
        }

        return new ResultTarget(new IngestService.IngestServiceClient(channel), organizations, layout.Name, procedure, academicYear);
    }
}
