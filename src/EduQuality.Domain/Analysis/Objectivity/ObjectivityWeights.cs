namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// Weights of the families of signs in the risk score (веса признаков). The score divides by their sum, so only their
/// proportions matter. With the defaults and <see cref="ObjectivityOptions.FlagScore"/> 0.3, the journal comparison, the
/// one computational sign the source documents name, can list a school on its own when strong in two works; every other
/// family (at most 0.25) needs a second family beside it.
/// </summary>
public sealed record ObjectivityWeights
{
    public double JournalMismatch { get; init; } = 0.35;
    public double BoundaryPeak { get; init; } = 0.25;
    public double ResultJump { get; init; } = 0.25;
    public double CrossProcedure { get; init; } = 0.15;

    /// <summary>0 by default: journal marks above the work say the journal is lenient, not that the work was inflated.</summary>
    public double JournalAboveWork { get; init; }

    public double Total => JournalMismatch + BoundaryPeak + ResultJump + CrossProcedure + JournalAboveWork;

    /// <summary>The weight of a family of signs.</summary>
    public double Of(ObjectivitySignFamily family) => family switch
    {
        ObjectivitySignFamily.JournalMismatch => JournalMismatch,
        ObjectivitySignFamily.BoundaryPeak => BoundaryPeak,
        ObjectivitySignFamily.ResultJump => ResultJump,
        ObjectivitySignFamily.CrossProcedure => CrossProcedure,
        ObjectivitySignFamily.JournalAboveWork => JournalAboveWork,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown family of objectivity signs."),
    };

    internal void Validate()
    {
        foreach (var family in Enum.GetValues<ObjectivitySignFamily>())
        {
            ObjectivityOptions.Require(Of(family) >= 0, $"Weights.{family}", Of(family), "must not be negative");
        }

        ObjectivityOptions.Require(Total > 0, nameof(ObjectivityOptions.Weights), Total, "must have a positive sum");
    }
}
