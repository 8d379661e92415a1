using EduQuality.Domain.Cycle;
using EduQuality.Server.Hierarchy;
using EduQuality.Storage.Cycle;

namespace EduQuality.Server.Cycle;

/// <summary>
/// Scores cycles against the criteria checklist: the instance as stored (null when never started), and the data
/// signals (results of the period, recommendations not withdrawn, decisions) from the summaries and the tables.
/// </summary>
public sealed class CycleFacts(
    CriteriaChecklist checklist,
    OrganizationDirectory directory,
    RecommendationStore recommendations,
    DecisionStore decisions)
{
    public async Task<MaturityAssessment> AssessAsync(CycleKey key, CycleInstance? instance, CancellationToken cancellationToken)
    {
        var level = await directory.LevelAsync(key.OrganizationCode, cancellationToken);
        var signals = new HashSet<DataSignal>();
        var summaries = await (await directory.SummaryGrainAsync(key.OrganizationCode, key.Period, cancellationToken)).GetSummariesAsync(includeClasses: false);
        if (summaries.Summaries.Entries.Any(e => !e.Summary.IsEmpty))
        {
            signals.Add(DataSignal.Results);
        }

        if ((await recommendations.ListAsync([key.OrganizationCode], key.Direction, key.Period, cancellationToken)).Any(r => r.Status != RecommendationStatus.Withdrawn))
        {
            signals.Add(DataSignal.Recommendations);
        }

        if ((await decisions.ListAsync([key.OrganizationCode], key.Direction, key.Period, cancellationToken)).Count > 0)
        {
            signals.Add(DataSignal.Decisions);
        }

        return CriteriaEvaluator.Evaluate(checklist, level, key, instance, signals);
    }
}
