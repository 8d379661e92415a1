using System.CommandLine;
using System.Globalization;
using EduQuality.Api.Clients;
using EduQuality.Api.V1;
using Grpc.Core;

namespace EduQuality.Cli.Commands;

/// <summary><c>eduq watch</c>: follows an organisation's summaries of a year live, one line per change.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var server = CommonOptions.Server();
        var key = CommonOptions.Key();
        var organization = new Option<string>("--org") { Description = "organisation code", Required = true };
        var year = new Option<int>("--year") { Description = "academic year (2025 = 2024/25)", Required = true };
        var command = new Command("watch", "Follow an organisation's summaries live (Ctrl+C to stop)") { server, key, organization, year };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var channel = EduQualityChannel.Create(result.GetValue(server)!, result.GetValue(key));
            using var call = new QueryService.QueryServiceClient(channel).WatchSummaries(
                new WatchSummariesRequest { OrganizationCode = result.GetValue(organization)!, Year = result.GetValue(year) }, cancellationToken: cancellationToken);
            try
            {
                await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{DateTime.Now:HH:mm:ss.fff}  {update.OrganizationCode} {update.Year}  version {update.Version}  slices {update.Summaries.Count}  " +
                        $"participants {update.Summaries.Sum(s => s.Summary.Participants):N0}"));
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
                // Ctrl+C.
            }

            return 0;
        });
        return command;
    }
}
