using System.Text.Json.Serialization;
namespace EduQuality.Domain.Summaries;

/// <summary>Points of one task pooled over participants (выполнение задания).</summary>
public sealed class TaskTotals
{
    public long Participants { get; set; }
    public long Points { get; set; }
    public long MaxPoints { get; set; }

    /// <summary>Share of the possible points earned, 0..1.</summary>
    [JsonIgnore]
    public double Success => MaxPoints == 0 ? 0 : (double)Points / MaxPoints;

    [JsonIgnore]
    public bool IsEmpty => Participants == 0 && Points == 0 && MaxPoints == 0;
}
