using System.Text.Json;
using System.Text.Json.Serialization;

namespace EduQuality.Domain.Summaries;

/// <summary>Points of one task pooled over participants (выполнение задания).</summary>
[JsonConverter(typeof(TaskTotalsJsonConverter))]
public sealed class TaskTotals
{
    public long Participants { get; set; }
    public long Points { get; set; }
    public long MaxPoints { get; set; }

    /// <summary>Share of the possible points earned, 0..1.</summary>
    public double Success => MaxPoints == 0 ? 0 : (double)Points / MaxPoints;

    public bool IsEmpty => Participants == 0 && Points == 0 && MaxPoints == 0;

    /// <summary>Writes a task as [participants, points, max points]: stored state has tens of tasks per slice.</summary>
    private sealed class TaskTotalsJsonConverter : JsonConverter<TaskTotals>
    {
        public override TaskTotals Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("Task totals are an array [participants, points, max points].");
            }

            var totals = new TaskTotals();
            reader.Read();
            totals.Participants = reader.GetInt64();
            reader.Read();
            totals.Points = reader.GetInt64();
            reader.Read();
            totals.MaxPoints = reader.GetInt64();
            reader.Read();
            return totals;
        }

        public override void Write(Utf8JsonWriter writer, TaskTotals value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Participants);
            writer.WriteNumberValue(value.Points);
            writer.WriteNumberValue(value.MaxPoints);
            writer.WriteEndArray();
        }
    }
}
