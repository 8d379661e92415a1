using EduQuality.Domain.Cycle;
using EduQuality.Domain.Summaries;
using EduQuality.Server.Hierarchy;

namespace EduQuality.Server.Cycle;

/// <summary>
/// Indicator values from the query path: the whole-organisation summary of the target's procedure, subject and grade
/// in the year. A slice without participants has no value.
/// </summary>
public sealed class SummaryIndicatorValues(OrganizationDirectory directory) : IIndicatorValues
{
    public async Task<double?> ValueAsync(string organizationCode, int year, TargetIndicator target, CancellationToken cancellationToken)
    {
        var grain = await directory.SummaryGrainAsync(organizationCode, year, cancellationToken);
        var snapshot = await grain.GetSliceAsync(new SliceKey(target.Procedure, target.Subject, target.Grade, ""));
        if (snapshot.Summary is not { IsEmpty: false } summary)
        {
            return null;
        }

        return target.Metric switch
        {
            IndicatorMetric.MeanScore => summary.MeanScore,
            IndicatorMetric.ShareMark2 => summary.ShareMark2,
            IndicatorMetric.ShareBelowMinimum => summary.ShareBelowMinimum,
            IndicatorMetric.ShareHighScorers => summary.ShareHighScorers,
            _ => null,
        };
    }
}
