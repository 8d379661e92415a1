using System.CommandLine;
using System.Globalization;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using Google.Protobuf;

namespace EduQuality.Cli.Commands;

/// <summary><c>eduq query</c>: a summary of one organisation and slice, with its children beside it, as a table or JSON.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var key = CommonOptions.Key();
        var organization = new Option<string>("--org") { Description = "organisation code", Required = true };
        var year = new Option<int>("--year") { Description = "academic year (2025 = 2024/25)", Required = true };
        var procedure = new Option<Procedure>("--procedure") { Description = "VPR, OGE, EGE, NIKO or REGIONAL_DIAGNOSTIC", Required = true, CustomParser = ParseProcedure };
        var subject = new Option<string>("--subject") { Description = "subject code (RU, MA, …)", Required = true };
        var grade = new Option<int>("--grade") { Description = "grade", Required = true };
        var children = new Option<bool>("--children") { Description = "also each child organisation" };
        var format = new Option<string>("--format") { Description = "table or json (one JSON object per line)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("query", "Print a summary of an organisation and slice") { server, key, organization, year, procedure, subject, grade, children, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var channel = EduQualityChannel.Create(result.GetValue(server)!, result.GetValue(key));
            var query = new QueryService.QueryServiceClient(channel);
            var slice = new Slice
            {
                Year = result.GetValue(year),
                Procedure = result.GetValue(procedure),
                Subject = result.GetValue(subject)!,
                Grade = result.GetValue(grade),
            };
            var code = result.GetValue(organization)!;
            var rows = result.GetValue(children)
                ? await ComparedAsync(query, code, slice, cancellationToken)
                : [await query.GetSummaryAsync(new GetSummaryRequest { OrganizationCode = code, Slice = slice }, cancellationToken: cancellationToken)];
            if (result.GetValue(format) == "json")
            {
                foreach (var row in rows)
                {
                    Console.WriteLine(JsonFormatter.Default.Format(row));
                }
            }
            else
            {
                SummaryTable.Print(rows, Console.Out);
            }

            return 0;
        });
        return command;
    }

    private static async Task<List<SliceSummary>> ComparedAsync(QueryService.QueryServiceClient query, string code, Slice slice, CancellationToken cancellationToken)
    {
        var compared = await query.CompareChildrenAsync(new CompareChildrenRequest { OrganizationCode = code, Slice = slice }, cancellationToken: cancellationToken);
        return [compared.Parent, .. compared.Children];
    }

    private static Procedure ParseProcedure(System.CommandLine.Parsing.ArgumentResult argument)
    {
        var text = argument.Tokens.Single().Value;
        if (Enum.TryParse<Procedure>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var procedure) && procedure != Procedure.Unspecified)
        {
            return procedure;
        }

        argument.AddError(string.Create(CultureInfo.InvariantCulture, $"--procedure '{text}': expected VPR, OGE, EGE, NIKO or REGIONAL_DIAGNOSTIC"));
        return Procedure.Unspecified;
    }
}
