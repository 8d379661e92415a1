using EduQuality.Demo.Randomness;

namespace EduQuality.Demo.Scoring;

/// <summary>
/// Scores a student on a work task by task: each point of a task is earned with a probability that rises with
/// ability and falls with the task's difficulty. The link is an algebraic sigmoid, x / (1 + |x|), so scoring needs no
/// transcendental functions and stays identical on every platform.
/// </summary>
internal static class ScoreModel
{
    /// <summary>Steepness of the link between ability and success.</summary>
    public const double Discrimination = 0.9;

    /// <summary>Chance that a score a few points short of a cut point is lifted onto it in an inflated work.</summary>
    private const double LiftChance = 0.85;

    /// <summary>How far below a cut point an inflated score is still lifted.</summary>
    private const int LiftReach = 4;

    public static double Success(double x) => 0.5 + (0.5 * x / (1.0 + Math.Abs(x)));

    /// <summary>
    /// The work location at which a student of <paramref name="typicalAbility"/> is expected to earn
    /// <paramref name="targetShare"/> of the maximum, found by bisection over the points-weighted expectation.
    /// </summary>
    public static double LocationFor(int[] taskMaxPoints, double[] taskOffsets, double typicalAbility, double targetShare)
    {
        var total = taskMaxPoints.Sum();
        var low = typicalAbility - 20.0;
        var high = typicalAbility + 20.0;
        for (var step = 0; step < 60; step++)
        {
            var location = (low + high) / 2;
            var expected = 0.0;
            for (var i = 0; i < taskMaxPoints.Length; i++)
            {
                expected += taskMaxPoints[i] * Success(Discrimination * (typicalAbility - location - taskOffsets[i]));
            }

            if (expected / total > targetShare)
            {
                low = location;
            }
            else
            {
                high = location;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>Fills <paramref name="points"/> with the points per task and returns their sum.</summary>
    public static int Draw(WorkDefinition work, double ability, DemoRandom random, int[] points)
    {
        var total = 0;
        var maxima = work.TaskMaxPoints;
        var offsets = work.TaskOffsets;
        for (var i = 0; i < maxima.Length; i++)
        {
            var p = Success(Discrimination * (ability - work.Location - offsets[i]));
            var earned = 0;
            for (var j = 0; j < maxima[i]; j++)
            {
                if (random.NextDouble() < p)
                {
                    earned++;
                }
            }

            points[i] = earned;
            total += earned;
        }

        return total;
    }

    /// <summary>
    /// Inflates an honest score the way help during a work does: extra points mostly on the hard tasks (inverted
    /// difficulty), then a score a few points short of the «3» or «4» cut point lifted onto the cut or one above it,
    /// which leaves peaks just above the cut points. Returns the new sum; task points stay within their maxima.
    /// </summary>
    public static int Inflate(WorkDefinition work, int[] points, int score, DemoRandom random)
    {
        var maxima = work.TaskMaxPoints;
        var last = Math.Max(1, maxima.Length - 1);
        for (var i = 0; i < maxima.Length; i++)
        {
            if (points[i] < maxima[i] && random.Chance(0.1 + (0.35 * i / last)))
            {
                points[i]++;
                score++;
            }
        }

        var scale = work.Scale!;
        foreach (var cut in new[] { scale.MinScoreFor3, scale.MinScoreFor4 })
        {
            if (score < cut && score >= cut - LiftReach && random.Chance(LiftChance))
            {
                score = AddFromHardest(maxima, points, score, cut + (random.Chance(0.3) ? 1 : 0));
            }
        }

        return score;
    }

    private static int AddFromHardest(int[] maxima, int[] points, int score, int target)
    {
        for (var i = maxima.Length - 1; i >= 0 && score < target; i--)
        {
            var add = Math.Min(maxima[i] - points[i], target - score);
            points[i] += add;
            score += add;
        }

        return score;
    }
}
