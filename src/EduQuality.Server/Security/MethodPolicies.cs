using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Security;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace EduQuality.Server.Security;

/// <summary>
/// The one table of who may call what: every gRPC method (and so every JSON endpoint transcoded to it) has a policy;
/// a method without one is refused. A test walks every registered method against this table.
/// </summary>
public static class MethodPolicies
{
    private static readonly Dictionary<string, MethodPolicy> Policies = Build();

    public static IReadOnlyCollection<string> Methods => Policies.Keys;

    public static MethodPolicy? Find(string method) => Policies.GetValueOrDefault(method);

    private static Dictionary<string, MethodPolicy> Build()
    {
        var policies = new Dictionary<string, MethodPolicy>(StringComparer.Ordinal);
        void Add<TRequest>(ServiceDescriptor service, string method, Permission permission, Func<TRequest, ScopeTarget?> target) =>
            policies.Add(Name(service, method), new MethodPolicy(permission, request => target((TRequest)request)));
        void Anonymous(string fullName) => policies.Add(fullName, MethodPolicy.Anonymous);

        var organizations = OrganizationService.Descriptor;
        Add<RegisterOrganizationsRequest>(organizations, "RegisterOrganizations", Permission.ManageOrganizations,
            r => Today(r.Organizations.Select(o => o.ParentCode.Length > 0 ? o.ParentCode : o.Code)));
        Add<MoveSchoolRequest>(organizations, "MoveSchool", Permission.ManageOrganizations, r => Today([r.SchoolCode, r.NewParentCode]));
        Add<GetOrganizationRequest>(organizations, "GetOrganization", Permission.ReadResults, r => new ScopeTarget([r.Code], DateOr(r.AsOf)));
        Add<ListChildrenRequest>(organizations, "ListChildren", Permission.ReadResults, r => new ScopeTarget([r.Code], DateOr(r.AsOf)));
        Add<SearchOrganizationsRequest>(organizations, "SearchOrganizations", Permission.ReadResults, _ => null);

        var ingest = IngestService.Descriptor;
        Add<ResultBatch>(ingest, "SubmitBatch", Permission.WriteResults, Schools);
        Add<ResultBatch>(ingest, "UploadBatches", Permission.WriteResults, Schools);

        var query = QueryService.Descriptor;
        Add<GetSummaryRequest>(query, "GetSummary", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Slice?.Year));
        Add<ListSummariesRequest>(query, "ListSummaries", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<CompareChildrenRequest>(query, "CompareChildren", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Slice?.Year));
        Add<GetSeriesRequest>(query, "GetSeries", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Slice?.Year));
        Add<WatchSummariesRequest>(query, "WatchSummaries", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));

        var contextService = ContextService.Descriptor;
        Add<SchoolContextBatch>(contextService, "SubmitSchoolContext", Permission.WriteResults, r => SchoolsOf(r.Rows.Select(row => (row.SchoolCode, row.Year))));

        Add<ReportedValueBatch>(contextService, "SubmitReportedValues", Permission.WriteResults, r => SchoolsOf(r.Rows.Select(row => (row.OrganizationCode, row.Year))));

        Add<TeacherBatch>(contextService, "SubmitTeachers", Permission.WriteResults, r => SchoolsOf(r.Rows.Select(row => (row.SchoolCode, row.Year))));
        Add<OlympiadBatch>(contextService, "SubmitOlympiads", Permission.WriteResults, r => SchoolsOf(r.Rows.Select(row => (row.SchoolCode, row.Year))));
        Add<CareerGuidanceBatch>(contextService, "SubmitCareerGuidance", Permission.WriteResults, r => SchoolsOf(r.Rows.Select(row => (row.SchoolCode, row.Year))));

        // Reference values and means of a region need the permission on that region (its administrator); the
        // installation-wide ones (no region) belong to no organisation and need it over everything.
        Add<ReferenceValueBatch>(contextService, "SubmitReferenceValues", Permission.WriteResults, r => RegionsOf(r.Rows.Select(row => (row.RegionCode, row.Year))));
        Add<ReferenceMeanBatch>(contextService, "SubmitReferenceMeans", Permission.WriteResults, r => RegionsOf(r.Rows.Select(row => (row.RegionCode, row.Year))));

        var analysis = AnalysisService.Descriptor;
        Add<AnalysisRequest>(analysis, "GetObjectivity", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<AnalysisRequest>(analysis, "GetLowResults", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<AnalysisRequest>(analysis, "GetProgrammeIndicators", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<AnalysisRequest>(analysis, "ListRecommendations", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        // The school must be in scope; the service blanks the codes of peers outside it (docs/analysis-service.md).
        Add<AnalysisRequest>(analysis, "GetClusterPeers", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<IndicatorValuesRequest>(analysis, "GetIndicatorValues", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<RankingRequest>(analysis, "RankSchools", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));
        Add<RankingRequest>(analysis, "RankClasses", Permission.ReadResults, r => InYear(r.OrganizationCode, r.Year));

        // Keys and users name their scope in the request or in the stored key; the service checks those itself.
        var admin = AdminService.Descriptor;
        Add<IssueKeyRequest>(admin, "IssueKey", Permission.ManageAccess, _ => null);
        Add<ListKeysRequest>(admin, "ListKeys", Permission.ManageAccess, _ => null);
        Add<RevokeKeyRequest>(admin, "RevokeKey", Permission.ManageAccess, _ => null);
        Add<CreateUserRequest>(admin, "CreateUser", Permission.ManageAccess, _ => null);
        Add<ListAuditEventsRequest>(admin, "ListAuditEvents", Permission.ReadAudit,
            r => r.OrganizationCode.Length > 0 ? Today([r.OrganizationCode]) : null);

        // The management cycle: writes need ManageCycle within the subtree, reads ReadResults. A recommendation's
        // status is checked against its addressee by the service, its edit and withdrawal against its issuer, a
        // decision's amendment against its organisation; directions and thresholds are not confidential.
        var cycle = CycleService.Descriptor;
        Add<CycleRef>(cycle, "GetInstance", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<ListInstancesRequest>(cycle, "ListInstances", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<TransitionRequest>(cycle, "Transition", Permission.ManageCycle, r => Today([r.Cycle?.OrganizationCode ?? ""]));
        Add<AddEvidenceRequest>(cycle, "AddEvidence", Permission.ManageCycle, r => Today([r.Cycle?.OrganizationCode ?? ""]));
        Add<CycleRef>(cycle, "GetMaturity", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<RollupRequest>(cycle, "GetRollup", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<CreateRecommendationRequest>(cycle, "CreateRecommendation", Permission.ManageCycle,
            r => Today([r.Recommendation?.IssuedBy?.OrganizationCode ?? "", r.Recommendation?.OrganizationCode ?? ""]));
        Add<GenerateRecommendationsRequest>(cycle, "GenerateRecommendations", Permission.ManageCycle, r => Today([r.Cycle?.OrganizationCode ?? ""]));
        Add<ListRecommendationsRequest>(cycle, "ListRecommendations", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<SetRecommendationStatusRequest>(cycle, "SetRecommendationStatus", Permission.ManageCycle, _ => null);
        Add<UpdateRecommendationRequest>(cycle, "UpdateRecommendation", Permission.ManageCycle, _ => null);
        Add<WithdrawRecommendationRequest>(cycle, "WithdrawRecommendation", Permission.ManageCycle, _ => null);
        Add<AmendDecisionRequest>(cycle, "AmendDecision", Permission.ManageCycle, _ => null);
        Add<CreateDecisionRequest>(cycle, "CreateDecision", Permission.ManageCycle, r => Today([r.Decision?.Cycle?.OrganizationCode ?? ""]));
        Add<CycleRef>(cycle, "ListDecisions", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<EffectivenessRequest>(cycle, "GetEffectivenessReport", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<GetScheduleRequest>(cycle, "GetSchedule", Permission.ReadResults, _ => null);
        Add<Schedule>(cycle, "SetSchedule", Permission.ManageCycle, r => Today([r.Region]));
        Add<GetEffectThresholdsRequest>(cycle, "GetEffectThresholds", Permission.ReadResults, _ => null);
        Add<EffectThresholds>(cycle, "SetEffectThresholds", Permission.ManageCycle, r => Today([r.Region]));
        Add<OverdueRequest>(cycle, "ListOverdue", Permission.ReadResults, r => Today([r.OrganizationCode]));
        Add<ListDirectionsRequest>(cycle, "ListDirections", Permission.ReadResults, _ => null);
        Add<AddDirectionRequest>(cycle, "AddDirection", Permission.ManageCycle, r => Today([r.Region]));

        Anonymous(Name(AuthService.Descriptor, "SignIn"));
        Anonymous("/grpc.health.v1.Health/Check");
        Anonymous("/grpc.health.v1.Health/Watch");
        Anonymous("/grpc.health.v1.Health/List");
        Anonymous("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");
        Anonymous("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");
        return policies;
    }

    private static string Name(ServiceDescriptor service, string method) =>
        $"/{service.FullName}/{service.FindMethodByName(method)?.Name ?? throw new InvalidOperationException($"{service.FullName} has no method {method}.")}";

    private static ScopeTarget Schools(ResultBatch batch) =>
        new(batch.Rows.Select(r => r.SchoolCode).Distinct(StringComparer.Ordinal).ToList(), YearDate(batch.Year));

    /// <summary>The organisations a context batch names, as the hierarchy stood in its earliest year.</summary>
    private static ScopeTarget SchoolsOf(IEnumerable<(string Code, int Year)> rows)
    {
        var list = rows.ToList();
        return new(list.Select(r => r.Code).Distinct(StringComparer.Ordinal).ToList(), YearDate(list.Count > 0 ? list.Min(r => r.Year) : 0));
    }

    /// <summary>The regions reference rows name; a row without a region names the whole installation.</summary>
    private static ScopeTarget RegionsOf(IEnumerable<(string Region, int Year)> rows) =>
        SchoolsOf(rows.Select(r => (r.Region.Length > 0 ? r.Region : Principal.Everything, r.Year)));

    private static ScopeTarget InYear(string code, int? year) => new([code], YearDate(year ?? 0));

    private static ScopeTarget Today(IEnumerable<string> codes) =>
        new(codes.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(), DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>A year's data is seen by the subtree its school belonged to on the year's first day.</summary>
    private static DateOnly YearDate(int year) =>
        year is >= ResultBatchValidator.FirstYear and <= ResultBatchValidator.LastYear ? AcademicYear.FirstDay(year) : DateOnly.FromDateTime(DateTime.UtcNow);

    private static DateOnly DateOr(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.FromDateTime(DateTime.UtcNow);
}
