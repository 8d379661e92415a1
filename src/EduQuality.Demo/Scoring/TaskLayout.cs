using EduQuality.Demo.Randomness;
using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Scoring;

/// <summary>
/// Splits a work's maximum primary score into tasks: mostly one- and two-point tasks, the heavier ones towards the
/// end, as in real КИМ. The layout depends only on the work and its format year, never on the demo seed, because
/// every school of the region writes the same work.
/// </summary>
internal static class TaskLayout
{
    private const int MaxTaskPoints = 6;

    public static (int[] TaskMaxPoints, double[] TaskOffsets) Build(ProcedureKind procedure, string subject, int grade, int formatYear, int maxPrimary)
    {
        var random = new DemoRandom(StableHash.Of(0x7461736BUL, (ulong)procedure, StableHash.Of(subject), (ulong)grade, (ulong)formatYear));
        var averagePoints = procedure == ProcedureKind.Ege ? 1.7 : 1.6;
        var count = Math.Clamp((int)Math.Round(maxPrimary / averagePoints, MidpointRounding.AwayFromZero), 1, maxPrimary);
        var points = Enumerable.Repeat(1, count).ToArray();
        for (var extra = maxPrimary - count; extra > 0; extra--)
        {
            var u = random.NextDouble();
            var task = count - 1 - (int)(count * u * u);
            while (points[task] >= MaxTaskPoints)
            {
                task = (task + count - 1) % count;
            }

            points[task]++;
        }

        var offsets = new double[count];
        for (var i = 0; i < count; i++)
        {
            var position = count == 1 ? 0.0 : (2.0 * i / (count - 1)) - 1.0;
            offsets[i] = position + (0.25 * random.NextGaussian()) + (0.12 * (points[i] - 1));
        }

        return (points, offsets);
    }
}
