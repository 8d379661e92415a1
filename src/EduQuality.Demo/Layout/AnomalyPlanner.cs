using System.Collections.Frozen;
using EduQuality.Api.V1;
using EduQuality.Demo.Randomness;
using EduQuality.Demo.Scoring;

namespace EduQuality.Demo.Layout;

/// <summary>
/// Plants the two anomalies the analysis must find and records them as ground truth:
/// about 4% of general schools inflate some ВПР works from some year on, and about 6% (rural, least advantaged)
/// have results far below their context in at least two of three years, in every procedure.
/// </summary>
internal static class AnomalyPlanner
{
    public const double InflatedShare = 0.04;
    public const double LowResultShare = 0.06;

    /// <summary>Ability shift of a low-result school in its low years, and in its one milder year.</summary>
    public const double LowYearShift = -1.0;
    public const double MilderYearShift = -0.35;

    private static readonly string[] InflatedSubjects = [SubjectCodes.Russian, SubjectCodes.Mathematics];

    public static DemoGroundTruth Plant(IReadOnlyList<SchoolPlan> schools, int[] years, DemoRandom random)
    {
        var general = schools.Where(s => s.WritesAssessments).ToList();
        var low = PlantLowResults(general, years, random);
        var lowCodes = low.Select(a => a.SchoolCode).ToHashSet(StringComparer.Ordinal);
        var inflated = PlantInflation(general.Where(s => !lowCodes.Contains(s.Code)).ToList(), general.Count, years, random);
        var anomalies = low.Concat(inflated).OrderBy(a => a.SchoolCode, StringComparer.Ordinal).ToList();
        return new DemoGroundTruth(
            inflated.Select(a => a.SchoolCode).ToFrozenSet(StringComparer.Ordinal),
            lowCodes.ToFrozenSet(StringComparer.Ordinal),
            anomalies);
    }

    private static List<PlantedAnomaly> PlantLowResults(List<SchoolPlan> general, int[] years, DemoRandom random)
    {
        var count = Math.Max(1, (int)Math.Round(general.Count * LowResultShare, MidpointRounding.AwayFromZero));
        var chosen = general
            .Where(s => !s.IsAdvanced)
            .OrderBy(s => s.Settlement == Settlement.Rural ? 0 : 1)
            .ThenBy(s => s.SocialAdvantage)
            .ThenBy(s => s.Ordinal)
            .Take(count)
            .ToList();
        var anomalies = new List<PlantedAnomaly>();
        foreach (var school in chosen)
        {
            var lowYears = years.ToList();
            if (years.Length >= 3 && random.Chance(0.5))
            {
                var milder = lowYears[random.NextInt(lowYears.Count)];
                lowYears.Remove(milder);
                school.YearShift[milder] = MilderYearShift;
            }

            foreach (var year in lowYears)
            {
                school.YearShift[year] = LowYearShift;
            }

            var reason = $"Persistently low results in {string.Join(", ", lowYears)} in ВПР, ОГЭ and ЕГЭ: ability shifted by "
                + $"{LowYearShift} beyond what its context predicts; {school.Settlement.ToString().ToLowerInvariant()}, "
                + $"social advantage {school.SocialAdvantage:0.00}"
                + (school.Factors.StaffShortage ? ", staff shortage" : string.Empty)
                + (school.Factors.Remote ? ", remote" : string.Empty)
                + (school.Factors.SmallSchool ? ", small school" : string.Empty) + ".";
            anomalies.Add(new PlantedAnomaly(school.Code, PlantedAnomalyKind.PersistentlyLowResults, lowYears, [], reason));
        }

        return anomalies;
    }

    private static List<PlantedAnomaly> PlantInflation(List<SchoolPlan> candidates, int generalCount, int[] years, DemoRandom random)
    {
        var count = Math.Max(1, (int)Math.Round(generalCount * InflatedShare, MidpointRounding.AwayFromZero));
        var eligible = candidates
            .Where(s => !s.IsAdvanced && s.BaseCohortSize >= 12)
            .ToList();
        random.Shuffle(eligible);
        var anomalies = new List<PlantedAnomaly>();
        foreach (var school in eligible.Take(count))
        {
            var first = years.Length == 1 ? 0 : 1 + random.NextInt(years.Length - 1);
            var inflatedYears = years[first..];
            var grades = random.Chance(0.5) ? new[] { 4, 5, 6, 7, 8 } : [4, 5];
            var slices = new List<PlantedSlice>();
            foreach (var year in inflatedYears)
            {
                foreach (var grade in grades)
                {
                    foreach (var subject in InflatedSubjects)
                    {
                        school.InflatedSlices.Add((year, grade, subject));
                        slices.Add(new PlantedSlice(year, grade, subject));
                    }
                }
            }

            var reason = $"ВПР inflated from {inflatedYears[0]} in RU and MA, grades {string.Join(", ", grades)}: help on hard tasks, "
                + "scores a few points short of the «3» and «4» cut points lifted onto them, ВПР marks above the journal; "
                + "ОГЭ and ЕГЭ left honest.";
            anomalies.Add(new PlantedAnomaly(school.Code, PlantedAnomalyKind.InflatedVpr, inflatedYears, slices, reason));
        }

        return anomalies;
    }
}
