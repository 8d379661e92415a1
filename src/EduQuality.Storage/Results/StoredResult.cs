using EduQuality.Domain.Assessment;

namespace EduQuality.Storage.Results;

/// <summary>A result row as stored, with the facts derived when it was ingested.</summary>
public sealed record StoredResult(ResultRecord Record, ResultFacts Facts)
{
    /// <summary>Same delivered values and same derived facts: a resend rather than a correction.</summary>
    public bool SameAs(StoredResult other) =>
        Record.HasSameValuesAs(other.Record)
        && Facts.Score == other.Facts.Score
        && Facts.BelowMinimum == other.Facts.BelowMinimum
        && Facts.HighScorer == other.Facts.HighScorer;
}
