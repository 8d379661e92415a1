using System.CommandLine;
using System.Globalization;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using Google.Protobuf;
using Grpc.Net.Client;

namespace EduQuality.Cli.Commands;

/// <summary>
/// <c>eduq indicators</c>: the catalogue indicators of one organisation and year (AnalysisService.GetIndicatorValues)
/// as a table with Russian headings or as JSON: value, pooled numerator and denominator, target, parent difference and
/// dynamics.
/// </summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var key = CommonOptions.Key();
        var organization = new Option<string>("--org") { Description = "organisation code", Required = true };
        var year = new Option<int>("--year") { Description = "academic year (2025 = 2024/25)", Required = true };
        var direction = new Option<string>("--direction") { Description = "only this direction (R1…R4, A1…A5)", DefaultValueFactory = _ => "" };
        var noData = new Option<bool>("--all") { Description = "also the indicators without data" };
        var format = new Option<string>("--format") { Description = "table or json (one JSON object)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("indicators", "Print the indicator values of an organisation and year") { server, key, organization, year, direction, noData, format };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var channel = EduQualityChannel.Create(result.GetValue(server)!, result.GetValue(key));
            var request = new IndicatorValuesRequest { OrganizationCode = result.GetValue(organization)!, Year = result.GetValue(year), Direction = result.GetValue(direction)! };
            await WriteAsync(channel, request, result.GetValue(noData), result.GetValue(format)!, Console.Out, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Asks the server and writes the answer; indicators without data are left out unless <paramref name="withoutData"/>.</summary>
    public static async Task WriteAsync(
        GrpcChannel channel, IndicatorValuesRequest request, bool withoutData, string format, TextWriter output, CancellationToken cancellationToken)
    {
        var response = await new AnalysisService.AnalysisServiceClient(channel).GetIndicatorValuesAsync(request, cancellationToken: cancellationToken);
        if (!withoutData)
        {
            var shown = response.Indicators.Where(i => i.Status != "NoData").ToList();
            response.Indicators.Clear();
            response.Indicators.Add(shown);
        }

        if (format == "json")
        {
            output.WriteLine(JsonFormatter.Default.Format(response));
            return;
        }

        output.WriteLine($"{"Показатель",-10} {"Значение",10} {"Числ.",8} {"Знам.",8} {"Цель",8} {"Достигнута",10} {"От вышест.",10} {"Динамика",10}  Наименование");
        foreach (var i in response.Indicators)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i.Code,-10} {Number(i.HasValue, i.Value),10} {Number(i.HasNumerator, i.Numerator),8} {Number(i.HasDenominator, i.Denominator),8} {i.Target,8} {Met(i),10} {Number(i.HasDifferenceFromParent, i.DifferenceFromParent),10} {Dynamics(i.Dynamics),10}  {i.NameRu}"));
        }
    }

    private static string Number(bool present, double value) => present ? value.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    private static string Met(IndicatorValueView indicator) => !indicator.HasTargetMet ? "—" : indicator.TargetMet ? "да" : "нет";

    private static string Dynamics(string dynamics) => dynamics switch
    {
        "Improved" => "улучшение",
        "Worsened" => "ухудшение",
        "Unchanged" => "без изм.",
        _ => "—",
    };
}
