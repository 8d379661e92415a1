using EduQuality.Api.V1;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Context;
using EduQuality.Server.Context;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// The kinds of context data <c>eduq import</c> loads, by the layout's target name; each validates with the server's own
/// validator (EduQuality.Domain.Context) over the server's own mapping of contract rows.
/// </summary>
public static class ContextKinds
{
    private static readonly Lazy<IndicatorCatalog> Catalog = new(IndicatorCatalog.LoadShipped);

    /// <summary>The nine ШНСУ factors of a school in a year (SubmitSchoolContext).</summary>
    public static ContextKind<SchoolContextRow> SchoolContext { get; } = new(
        SchoolContextRow.Descriptor,
        ["school_code", "year"],
        r => (r.SchoolCode, r.Year),
        (id, rows, known) => SchoolContextValidator.Validate(id, [.. rows.Select(SchoolContextIngestor.ToRecord)], known.IsSchool),
        async (client, id, rows, token) => await client.SubmitSchoolContextAsync(new SchoolContextBatch { BatchId = id, Rows = { rows } }, cancellationToken: token));

    /// <summary>Per-teacher diagnostics and professional development (SubmitTeachers).</summary>
    public static ContextKind<TeacherRow> Teachers { get; } = new(
        TeacherRow.Descriptor,
        ["school_code", "year", "teacher_code"],
        r => (r.SchoolCode, r.Year),
        (id, rows, known) => SchoolActivityValidator.ValidateTeachers(id, [.. rows.Select(SchoolActivityIngestor.ToRecord)], known.IsSchool),
        async (client, id, rows, token) => await client.SubmitTeachersAsync(new TeacherBatch { BatchId = id, Rows = { rows } }, cancellationToken: token));

    /// <summary>ВсОШ participants, winners and prize-winners by school, stage and subject (SubmitOlympiads).</summary>
    public static ContextKind<OlympiadRow> Olympiads { get; } = new(
        OlympiadRow.Descriptor,
        ["school_code", "year", "stage", "subject"],
        r => (r.SchoolCode, r.Year),
        (id, rows, known) => SchoolActivityValidator.ValidateOlympiads(id, [.. rows.Select(SchoolActivityIngestor.ToRecord)], known.IsSchool),
        async (client, id, rows, token) => await client.SubmitOlympiadsAsync(new OlympiadBatch { BatchId = id, Rows = { rows } }, cancellationToken: token));

    /// <summary>Graduates and where they continue, per school (SubmitCareerGuidance).</summary>
    public static ContextKind<CareerGuidanceRow> CareerGuidance { get; } = new(
        CareerGuidanceRow.Descriptor,
        ["school_code", "year"],
        r => (r.SchoolCode, r.Year),
        (id, rows, known) => SchoolActivityValidator.ValidateCareerGuidance(id, [.. rows.Select(SchoolActivityIngestor.ToRecord)], known.IsSchool),
        async (client, id, rows, token) => await client.SubmitCareerGuidanceAsync(new CareerGuidanceBatch { BatchId = id, Rows = { rows } }, cancellationToken: token));

    /// <summary>Values of catalogue indicators reported by an organisation (SubmitReportedValues).</summary>
    public static ContextKind<ReportedValueRow> ReportedValues { get; } = new(
        ReportedValueRow.Descriptor,
        ["organization_code", "year", "indicator_code"],
        r => (r.OrganizationCode, r.Year),
        (id, rows, known) => IndicatorValueValidator.ValidateReported(id, [.. rows.Select(IndicatorValueIngestor.ToRecord)], Catalog.Value, known.IsOrganization),
        async (client, id, rows, token) => await client.SubmitReportedValuesAsync(new ReportedValueBatch { BatchId = id, Rows = { rows } }, cancellationToken: token));
}
