using EduQuality.Contracts.Cycle;
using EduQuality.Domain.Cycle;
using EduQuality.Server.Hierarchy;
using EduQuality.Storage.Cycle;

namespace EduQuality.Server.Cycle;

/// <summary>
/// Scores cycles against the criteria checklist: the instance from its grain, and the data signals (results of the
/// period, recommendations, decisions) from the summaries and the tables.
/// </summary>
public sealed class CycleFacts(
    CriteriaChecklist checklist,
    OrganizationDirectory directory,
    RecommendationStore recommendations,
    DecisionStore decisions,
    IGrainFactory grains)
{
    public async Task<(CycleInstance Instance, MaturityAssessment Assessment)> AssessAsync(CycleKey key, CancellationToken cancellationToken)
    {
        var instance = await grains.GetGrain<ICycleGrain>(key.ToString()).GetAsync();
        var level = await directory.LevelAsync(key.OrganizationCode, cancellationToken);
        var signals = new HashSet<DataSignal>();
        var summaries = await (await directory.SummaryGrainAsync(key.OrganizationCode, key.Period, cancellationToken)).GetSummariesAsync(includeClasses: false);
        if (summaries.Summaries.Entries.Any(e => !e.Summary.IsEmpty))
        {
            signals.Add(DataSignal.Results);
        }

        if ((await recommendations.ListAsync([key.OrganizationCode], key.Direction, key.Period, cancellationToken)).Count > 0)
        {
            signals.Add(DataSignal.Recommendations);
        }

        if ((await decisions.ListAsync([key.OrganizationCode], key.Direction, key.Period, cancellationToken)).Count > 0)
        {
            signals.Add(DataSignal.Decisions);
        }

        var started = instance.Stage == CycleStage.NotStarted && instance.Evidence.Count == 0 ? null : instance;
        return (instance, CriteriaEvaluator.Evaluate(checklist, level, key, started, signals));
    }
}
