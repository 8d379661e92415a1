using System.Text.Json.Serialization;

namespace EduQuality.Domain.Summaries;

/// <summary>
/// The summaries of one organisation and academic year by slice. Empty slices are dropped, so a set
/// that had everything subtracted from it is empty again.
/// </summary>
public sealed class SummarySet
{
    private readonly Dictionary<SliceKey, ResultSummary> _slices = [];

    public SummarySet()
    {
    }

    [JsonConstructor]
    public SummarySet(IReadOnlyList<SliceEntry> entries)
    {
        foreach (var entry in entries)
        {
            _slices[entry.Slice] = entry.Summary;
        }
    }

    /// <summary>Slices for serialization, in a stable order.</summary>
    public IReadOnlyList<SliceEntry> Entries =>
        _slices.OrderBy(s => s.Key.Procedure).ThenBy(s => s.Key.Subject, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Grade).ThenBy(s => s.Key.ClassLabel, StringComparer.Ordinal)
            .Select(s => new SliceEntry(s.Key, s.Value)).ToList();

    [JsonIgnore]
    public int Count => _slices.Count;

    [JsonIgnore]
    public IEnumerable<SliceKey> Keys => _slices.Keys;

    public ResultSummary? Find(SliceKey slice) => _slices.GetValueOrDefault(slice);

    /// <summary>Adds or removes one result's facts in a slice.</summary>
    public void Apply(SliceKey slice, Assessment.ResultFacts facts, int sign)
    {
        var summary = GetOrAdd(slice);
        try
        {
            summary.Apply(facts, sign);
        }
        finally
        {
            DropIfEmpty(slice, summary);
        }
    }

    /// <summary>Adds (+1) or subtracts (−1) every slice of another set.</summary>
    public void Merge(SummarySet other, int sign)
    {
        foreach (var (slice, summary) in other._slices)
        {
            var mine = GetOrAdd(slice);
            mine.Merge(summary, sign);
            DropIfEmpty(slice, mine);
        }
    }

    /// <summary>Whole-organisation slices: every class of a slice merged under an empty class label.</summary>
    public SummarySet WholeOrganization()
    {
        var whole = new SummarySet();
        foreach (var (slice, summary) in _slices)
        {
            whole.GetOrAdd(slice.ToWholeOrganization()).Merge(summary, 1);
        }

        return whole;
    }

    /// <summary>One whole-organisation slice, every class of it merged; null when the organisation has none.</summary>
    public ResultSummary? FindWholeOrganization(SliceKey slice)
    {
        var whole = slice.ToWholeOrganization();
        ResultSummary? merged = null;
        foreach (var (key, summary) in _slices)
        {
            if (key.ToWholeOrganization() == whole)
            {
                merged ??= new ResultSummary();
                merged.Merge(summary, 1);
            }
        }

        return merged;
    }

    public SummarySet Clone()
    {
        var copy = new SummarySet();
        copy.Merge(this, 1);
        return copy;
    }

    private ResultSummary GetOrAdd(SliceKey slice)
    {
        if (!_slices.TryGetValue(slice, out var summary))
        {
            summary = new ResultSummary();
            _slices[slice] = summary;
        }

        return summary;
    }

    private void DropIfEmpty(SliceKey slice, ResultSummary summary)
    {
        if (summary.IsEmpty)
        {
            _slices.Remove(slice);
        }
    }
}

/// <summary>One slice and its summary, as stored.</summary>
public sealed record SliceEntry(SliceKey Slice, ResultSummary Summary);
