namespace EduQuality.Demo;

/// <summary>What demo region to generate. The same options always give byte-identical output.</summary>
public sealed record DemoOptions
{
    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = 20251;

    /// <summary>Number of municipalities (муниципальные образования).</summary>
    public int Municipalities { get; init; } = 30;

    /// <summary>Number of educational organisations of all kinds, general schools and a few others.</summary>
    public int Schools { get; init; } = 600;

    /// <summary>Academic years by their ending calendar year, ascending.</summary>
    public int[] Years { get; init; } = [2023, 2024, 2025];

    /// <summary>Multiplies class sizes and student numbers; below 1 for small test loads.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Most rows in one result batch.</summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Municipalities is >= 1 and <= 999, nameof(Municipalities), Municipalities, "must be 1..999");
        Require(Schools >= 12 && Schools <= 60_000, nameof(Schools), Schools, "must be 12..60000");
        Require(Schools >= 2 * Municipalities, nameof(Schools), Schools, "must be at least twice the number of municipalities");
        Require(Scale is > 0 and <= 10, nameof(Scale), Scale, "must be in (0, 10]");
        Require(BatchSize is >= 1 and <= 50_000, nameof(BatchSize), BatchSize, "must be 1..50000 (the ingest limit)");
        Require(Years is { Length: > 0 }, nameof(Years), Years?.Length ?? 0, "must name at least one year");
        for (var i = 0; i < Years!.Length; i++)
        {
            Require(Years[i] is >= 2023 and <= 2200, nameof(Years), Years[i], "must be 2023..2200 (mark scales start in 2023)");
            Require(i == 0 || Years[i] > Years[i - 1], nameof(Years), Years[i], "must be strictly ascending");
        }
    }

    private static void Require(bool condition, string option, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"DemoOptions.{option} = {value} {rule}.", option);
        }
    }
}
