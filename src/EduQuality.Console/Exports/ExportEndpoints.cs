using EduQuality.WebConsole.Access;
using EduQuality.WebConsole.Data;
using EduQuality.WebConsole.Reports;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EduQuality.WebConsole.Exports;

/// <summary>
/// Downloads: every console table as XLSX or CSV and the «Аналитическая справка» as PDF, read as the signed-in user
/// through the same services as the pages.
/// </summary>
public static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder console)
    {
        console.MapGet("/export/{table}.{format}", async (HttpContext http, ConsoleBackend backend, string table, string format,
            string org, int year, int? procedure, string? subject, int? grade, string? direction) =>
        {
            var queries = Queries(http, backend);
            return await Guarded(async () =>
            {
                if (await queries.OrganizationAsync(org, http.RequestAborted) is not { } organization)
                {
                    return Results.NotFound();
                }

                ReportTable? found;
                if (table == "summaries")
                {
                    found = ResultTables.Summaries(organization, year, await queries.SummariesAsync(org, year, http.RequestAborted));
                }
                else if (table == ClusterPeersTable.Name)
                {
                    found = ClusterPeersTable.Of(await queries.ClusterPeersAsync(org, year, http.RequestAborted));
                }
                else if (AnalysisTables.Names.Contains(table))
                {
                    found = AnalysisTables.ByName(table, await AnalysisData.LoadAsync(queries, organization, year, http.RequestAborted));
                }
                else if (CycleTables.Names.Contains(table))
                {
                    found = CycleTables.ByName(table, await CycleData.LoadAsync(queries, organization, direction ?? CycleData.DefaultDirection, year, http.RequestAborted));
                }
                else if (SliceChoice.Parse(year, procedure, subject, grade) is { } slice)
                {
                    found = ResultTables.ByName(table, await SliceData.LoadAsync(queries, organization, slice, http.RequestAborted));
                }
                else
                {
                    return Results.BadRequest("Укажите процедуру, предмет и класс.");
                }

                return found is null ? Results.NotFound() : File(found, format, $"{org}-{table}-{year}");
            });
        });

        console.MapGet("/report.pdf", async (HttpContext http, ConsoleBackend backend, string org, int year) =>
        {
            var queries = Queries(http, backend);
            return await Guarded(async () =>
            {
                if (await queries.OrganizationAsync(org, http.RequestAborted) is not { } organization)
                {
                    return Results.NotFound();
                }

                var tables = await ReportTables.LoadAsync(queries, organization, year, http.RequestAborted);
                var pdf = AnalyticalReport.Write($"{organization.Name} ({organization.Code})", year, tables);
                return Results.File(pdf, AnalyticalReport.ContentType, $"{org}-spravka-{year}.pdf");
            });
        });
    }

    private static ConsoleQueries Queries(HttpContext http, ConsoleBackend backend)
    {
        var user = ConsoleUser.From(http.User) ?? throw new InvalidOperationException("The console endpoints require a signed-in user.");
        return ConsoleQueries.For(backend, user);
    }

    private static IResult File(ReportTable table, string format, string name) => format switch
    {
        "xlsx" => Results.File(XlsxExport.Write(table), XlsxExport.ContentType, $"{name}.xlsx"),
        "csv" => Results.File(CsvExport.Write(table), CsvExport.ContentType, $"{name}.csv"),
        _ => Results.NotFound(),
    };

    /// <summary>The API's refusals become HTTP ones: outside the user's subtree is 403, bad values 400.</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument)
        {
            return Results.BadRequest(e.Status.Detail);
        }
    }
}
