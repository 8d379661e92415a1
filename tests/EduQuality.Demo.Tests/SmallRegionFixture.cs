using EduQuality.Api.V1;

namespace EduQuality.Demo.Tests;

/// <summary>A scaled-down region (60 organisations in 6 municipalities, a fifth of the class sizes), fully generated once.</summary>
public sealed class SmallRegionFixture
{
    public static readonly DemoOptions Options = new() { Schools = 60, Municipalities = 6, Scale = 0.2 };

    public SmallRegionFixture()
    {
        Demo = DemoRegion.Generate(Options);
        Batches = Demo.Batches().ToList();
    }

    public DemoRegion Demo { get; }

    public IReadOnlyList<ResultBatch> Batches { get; }

    public IEnumerable<(ResultBatch Batch, ResultRow Row)> Rows => Batches.SelectMany(b => b.Rows.Select(r => (b, r)));
}
