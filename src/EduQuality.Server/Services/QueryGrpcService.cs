using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Mapping;
using EduQuality.Server.Rpc;
using EduQuality.Storage.Organizations;
using Grpc.Core;
using OrganizationLevel = EduQuality.Domain.Hierarchy.OrganizationLevel;

namespace EduQuality.Server.Services;

/// <summary>Summaries at every level, with children, series and a live watch.</summary>
public sealed class QueryGrpcService(OrganizationDirectory directory, OrganizationStore organizations) : QueryService.QueryServiceBase
{
    /// <summary>How long one long-poll waits before the watch loop checks the call is still wanted.</summary>
    private static readonly TimeSpan WatchPoll = TimeSpan.FromSeconds(10);

    public override async Task<SliceSummary> GetSummary(GetSummaryRequest request, ServerCallContext context)
    {
        var slice = await CheckedSliceAsync(request.OrganizationCode, request.Slice, context.CancellationToken);
        var grain = await directory.SummaryGrainAsync(request.OrganizationCode, request.Slice.Year, context.CancellationToken);
        var snapshot = await grain.GetSliceAsync(slice);
        return SummaryMapper.ToContract(request.OrganizationCode, request.Slice.Year, slice, snapshot.Summary, snapshot.Version);
    }

    public override async Task<ListSummariesResponse> ListSummaries(ListSummariesRequest request, ServerCallContext context)
    {
        CheckYear(request.Year);
        var grain = await directory.SummaryGrainAsync(request.OrganizationCode, request.Year, context.CancellationToken);
        var snapshot = await grain.GetSummariesAsync(includeClasses: true);
        var entries = snapshot.Summaries.Entries
            .Where(e => request.Procedure == Procedure.Unspecified || e.Slice.Procedure == (ProcedureKind)request.Procedure);
        return new ListSummariesResponse
        {
            Summaries = { entries.Select(e => SummaryMapper.ToContract(request.OrganizationCode, request.Year, e.Slice, e.Summary, snapshot.Version)) },
        };
    }

    public override async Task<CompareChildrenResponse> CompareChildren(CompareChildrenRequest request, ServerCallContext context)
    {
        var slice = await CheckedSliceAsync(request.OrganizationCode, request.Slice, context.CancellationToken);
        var year = request.Slice.Year;
        if (await directory.LevelAsync(request.OrganizationCode, context.CancellationToken) == OrganizationLevel.School)
        {
            throw InvalidInputException.Single("organization_code", request.OrganizationCode, "a school has no child organisations");
        }

        var children = await organizations.ChildrenAsync(request.OrganizationCode, AcademicYear.FirstDay(year), context.CancellationToken);
        var parentTask = SliceOfAsync(request.OrganizationCode, year, slice, context.CancellationToken);
        var childTasks = children.Select(c => SliceOfAsync(c.Code, year, slice, context.CancellationToken)).ToList();
        var response = new CompareChildrenResponse { Parent = await parentTask };
        response.Children.AddRange((await Task.WhenAll(childTasks)).Where(c => c.Summary.Participants > 0));
        return response;
    }

    public override async Task<GetSeriesResponse> GetSeries(GetSeriesRequest request, ServerCallContext context)
    {
        var slice = await CheckedSliceAsync(request.OrganizationCode, request.Slice, context.CancellationToken);
        var years = request.Years is > 0 and <= 10 ? request.Years : 3;
        var last = request.Slice.Year;
        var points = await Task.WhenAll(Enumerable.Range(last - years + 1, years)
            .Select(year => SliceOfAsync(request.OrganizationCode, year, slice, context.CancellationToken)));
        return new GetSeriesResponse { Points = { points } };
    }

    public override async Task WatchSummaries(WatchSummariesRequest request, IServerStreamWriter<SummariesUpdate> responseStream, ServerCallContext context)
    {
        CheckYear(request.Year);
        var grain = await directory.SummaryGrainAsync(request.OrganizationCode, request.Year, context.CancellationToken);
        long? sent = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var version = sent is { } known ? await grain.WaitForChangeAsync(known, WatchPoll) : -1;
            if (version == sent)
            {
                continue;
            }

            var snapshot = await grain.GetSummariesAsync(includeClasses: false);
            var update = new SummariesUpdate { OrganizationCode = request.OrganizationCode, Year = request.Year, Version = snapshot.Version };
            update.Summaries.AddRange(snapshot.Summaries.Entries.Select(e =>
                SummaryMapper.ToContract(request.OrganizationCode, request.Year, e.Slice, e.Summary, snapshot.Version)));
            await responseStream.WriteAsync(update, context.CancellationToken);
            sent = snapshot.Version;
        }
    }

    private async Task<SliceSummary> SliceOfAsync(string code, int year, SliceKey slice, CancellationToken cancellationToken)
    {
        var grain = await directory.SummaryGrainAsync(code, year, cancellationToken);
        var snapshot = await grain.GetSliceAsync(slice);
        return SummaryMapper.ToContract(code, year, slice, snapshot.Summary, snapshot.Version);
    }

    private async Task<SliceKey> CheckedSliceAsync(string code, Slice? slice, CancellationToken cancellationToken)
    {
        if (slice is null)
        {
            throw InvalidInputException.Single("slice", "", "a slice (year, procedure, subject, grade) is required");
        }

        CheckYear(slice.Year);
        if (!Enum.IsDefined((ProcedureKind)slice.Procedure))
        {
            throw InvalidInputException.Single("slice.procedure", slice.Procedure.ToString(), "procedure is required");
        }

        if (!SubjectCatalog.IsKnown(slice.Subject))
        {
            throw InvalidInputException.Single("slice.subject", slice.Subject, "unknown subject code");
        }

        if (slice.ClassLabel.Length > 0 && await directory.LevelAsync(code, cancellationToken) != OrganizationLevel.School)
        {
            throw InvalidInputException.Single("slice.class_label", slice.ClassLabel, "class slices exist only for schools");
        }

        return SummaryMapper.ToDomain(slice);
    }

    private static void CheckYear(int year)
    {
        if (year is < ResultBatchValidator.FirstYear or > ResultBatchValidator.LastYear)
        {
            throw InvalidInputException.Single("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"year must be between {ResultBatchValidator.FirstYear} and {ResultBatchValidator.LastYear}");
        }
    }
}
