using System.Text.Json;
using System.Text.Json.Serialization;

namespace EduQuality.Domain.Summaries;

/// <summary>
/// Sparse histogram of integer scores (распределение баллов): score → participants, kept sorted so that
/// percentiles and medians are exact at every level and merging is addition.
/// </summary>
[JsonConverter(typeof(ScoreHistogramJsonConverter))]
public sealed class ScoreHistogram
{
    private int[] _scores = [];
    private long[] _counts = [];
    private int _length;

    /// <summary>Participants counted.</summary>
    public long Total { get; private set; }

    /// <summary>Distinct scores present.</summary>
    public int Count => _length;

    /// <summary>Entries ascending by score.</summary>
    public IEnumerable<KeyValuePair<int, long>> Entries
    {
        get
        {
            for (var i = 0; i < _length; i++)
            {
                yield return new KeyValuePair<int, long>(_scores[i], _counts[i]);
            }
        }
    }

    /// <summary>Participants with exactly this score.</summary>
    public long this[int score]
    {
        get
        {
            var i = Array.BinarySearch(_scores, 0, _length, score);
            return i >= 0 ? _counts[i] : 0;
        }
    }

    /// <summary>Adds (or with a negative count removes) participants at a score; a count never goes below zero.</summary>
    public void Add(int score, long count)
    {
        if (count == 0)
        {
            return;
        }

        var i = Array.BinarySearch(_scores, 0, _length, score);
        if (i >= 0)
        {
            var updated = _counts[i] + count;
            if (updated < 0)
            {
                throw new InvalidOperationException($"Histogram count at score {score} would become {updated}.");
            }

            if (updated == 0)
            {
                RemoveAt(i);
            }
            else
            {
                _counts[i] = updated;
            }
        }
        else
        {
            if (count < 0)
            {
                throw new InvalidOperationException($"Histogram has no participants at score {score} to remove.");
            }

            InsertAt(~i, score, count);
        }

        Total += count;
    }

    /// <summary>Adds every entry of another histogram times <paramref name="sign"/> (+1 merge, −1 subtract).</summary>
    public void Merge(ScoreHistogram other, int sign)
    {
        for (var i = 0; i < other._length; i++)
        {
            Add(other._scores[i], sign * other._counts[i]);
        }
    }

    /// <summary>
    /// Nearest-rank percentile: the smallest score whose cumulative count reaches ⌈p·N⌉ (p in 0..1); 0 when empty.
    /// </summary>
    public int Percentile(double p)
    {
        if (Total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(p * Total));
        long cumulative = 0;
        for (var i = 0; i < _length; i++)
        {
            cumulative += _counts[i];
            if (cumulative >= rank)
            {
                return _scores[i];
            }
        }

        return _scores[_length - 1];
    }

    public ScoreHistogram Clone()
    {
        var copy = new ScoreHistogram
        {
            _scores = _scores[.._length],
            _counts = _counts[.._length],
            _length = _length,
            Total = Total,
        };
        return copy;
    }

    private void InsertAt(int index, int score, long count)
    {
        if (_length == _scores.Length)
        {
            var capacity = Math.Max(4, _length * 2);
            Array.Resize(ref _scores, capacity);
            Array.Resize(ref _counts, capacity);
        }

        Array.Copy(_scores, index, _scores, index + 1, _length - index);
        Array.Copy(_counts, index, _counts, index + 1, _length - index);
        _scores[index] = score;
        _counts[index] = count;
        _length++;
    }

    private void RemoveAt(int index)
    {
        Array.Copy(_scores, index + 1, _scores, index, _length - index - 1);
        Array.Copy(_counts, index + 1, _counts, index, _length - index - 1);
        _length--;
    }

    /// <summary>Writes the histogram as a flat array [score, count, score, count, …] to keep stored state small.</summary>
    private sealed class ScoreHistogramJsonConverter : JsonConverter<ScoreHistogram>
    {
        public override ScoreHistogram Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var histogram = new ScoreHistogram();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("A score histogram is a flat array of score/count pairs.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var score = reader.GetInt32();
                reader.Read();
                histogram.Add(score, reader.GetInt64());
            }

            return histogram;
        }

        public override void Write(Utf8JsonWriter writer, ScoreHistogram value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            for (var i = 0; i < value._length; i++)
            {
                writer.WriteNumberValue(value._scores[i]);
                writer.WriteNumberValue(value._counts[i]);
            }

            writer.WriteEndArray();
        }
    }
}
