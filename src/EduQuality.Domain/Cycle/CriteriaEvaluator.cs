using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Cycle;

/// <summary>Scores an organisation's cycle against the checklist of its direction and level.</summary>
public static class CriteriaEvaluator
{
    /// <summary>
    /// Each criterion is met when the instance holds evidence of one of its types at the criterion's stage, or when its
    /// data signal is among <paramref name="signals"/>. A missing instance (the cycle was never started) meets nothing
    /// by evidence. A criterion voided by a document type present in the instance is not met.
    /// </summary>
    public static MaturityAssessment Evaluate(CriteriaChecklist checklist, OrganizationLevel level, CycleKey key,
        CycleInstance? instance, IReadOnlySet<DataSignal> signals)
    {
        var evidence = instance?.Evidence ?? [];
        var results = checklist.For(key.Direction, level).Select(criterion =>
        {
            var byEvidence = evidence.Any(e => e.Stage == criterion.Stage && criterion.Evidence.Contains(e.Type));
            var byData = criterion.Data is { } signal && signals.Contains(signal);
            var voided = criterion.VoidedBy is { } voiding && evidence.Any(e => e.Type == voiding);
            return new CriterionResult(criterion, (byEvidence || byData) && !voided, byEvidence, byData);
        }).ToList();
        return new MaturityAssessment(key, results);
    }
}
