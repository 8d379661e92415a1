using System.CommandLine;
using EduQuality.Api.Clients;
using EduQuality.Cli.Import;
using Grpc.Core;

namespace EduQuality.Cli.Commands;

/// <summary>
/// <c>eduq import</c>: loads a CSV or XLSX export (results of ВПР, ОГЭ, ЕГЭ; the registry of organisations; context
/// data: school contexts, teachers, olympiads, career guidance, reported indicator values) through the public gRPC API. Exit code 0: everything loaded; 2: rows refused; 3: interrupted (run again to resume).
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var key = CommonOptions.Key();
        var file = new Argument<string>("file") { Description = "CSV (UTF-8 or Windows-1251, ';' or ',') or XLSX file" };
        var layout = new Option<string>("--layout")
        {
            Description = $"column layout: {string.Join(", ", ImportLayout.Shipped)}, or the path of a layout file (docs/import-formats.md)",
            Required = true,
        };
        var year = new Option<int?>("--year") { Description = "academic year of the results, or of context rows whose file has no year column (2025 = 2024/25)" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "send the valid rows even when others are refused" };
        var batchRows = new Option<int>("--batch-rows") { Description = "rows per batch", DefaultValueFactory = _ => new ImportOptions().BatchRows };
        var parallelism = CommonOptions.Parallelism();
        var journal = new Option<string>("--journal-dir") { Description = "folder of import journals (resume after an interruption)", DefaultValueFactory = _ => ImportJournal.DefaultFolder };
        var command = new Command("import", "Load a file of results, organisations or context data into a server") { file, server, key, layout, year, skipInvalid, batchRows, parallelism, journal };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                using var channel = EduQualityChannel.Create(result.GetValue(server)!, result.GetValue(key));
                var options = new ImportOptions
                {
                    SkipInvalid = result.GetValue(skipInvalid),
                    BatchRows = result.GetValue(batchRows),
                    Parallelism = result.GetValue(parallelism),
                    JournalFolder = result.GetValue(journal)!,
                };
                var progress = new ProgressBar(Console.Out, interactive: !Console.IsOutputRedirected);
                var summary = await ImportRun.RunAsync(channel, result.GetValue(file)!, ImportLayout.Load(result.GetValue(layout)!), result.GetValue(year), options, Console.Out, progress, cancellationToken);
                return summary.Interrupted ? 3 : summary.RefusedLines.Count > 0 ? 2 : 0;
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            catch (RpcException e)
            {
                Console.Error.WriteLine($"Сервер ответил {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        });
        return command;
    }
}
