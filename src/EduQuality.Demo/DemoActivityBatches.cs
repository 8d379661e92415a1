using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Demo.Randomness;

namespace EduQuality.Demo;

/// <summary>
/// The demo region's teachers, ВсОШ results and career guidance, one batch of each per year for the general schools.
/// They follow the same latent social advantage as the results: advantaged schools have more diagnosed and trained
/// teachers and more olympiad winners; the planted low-result schools have fewer diagnosed teachers but more
/// methodical support (they are on the support programme), fewer winners and more graduates going on to vocational
/// colleges. Deterministic: the seed, school and year decide every draw.
/// </summary>
public sealed class DemoActivityBatches(DemoRegion demo)
{
    private static readonly string[] OlympiadSubjects = ["RU", "MA"];

    public IEnumerable<TeacherBatch> Teachers() =>
        Batches(year => new TeacherBatch { BatchId = Id("teachers", year) }, (batch, school, year, random) =>
        {
            var low = demo.GroundTruth.LowResultSchools.Contains(school.SchoolCode);
            var count = Math.Max(4, (int)Math.Round(school.Students / 14.0));
            var diagnosed = Math.Clamp(0.55 + (0.1 * school.SocialAdvantage) - (low ? 0.25 : 0), 0.05, 0.95);
            for (var t = 1; t <= count; t++)
            {
                var isDiagnosed = random.Chance(diagnosed);
                batch.Rows.Add(new TeacherRow
                {
                    SchoolCode = school.SchoolCode,
                    Year = year,
                    TeacherCode = string.Create(CultureInfo.InvariantCulture, $"{school.SchoolCode}-T{t:000}"),
                    Diagnosed = isDiagnosed,
                    PdByRequest = random.Chance(isDiagnosed ? 0.6 : 0.1),
                    PdRiskStudents = random.Chance(low ? 0.4 : 0.1),
                    Retrained = random.Chance(0.3),
                    CoveredByEvents = random.Chance(0.5),
                    SupportedRegional = random.Chance(low ? 0.5 : 0.2),
                    SupportedMunicipal = random.Chance(low ? 0.7 : 0.4),
                    DeficitWorkCovered = isDiagnosed && random.Chance(low ? 0.4 : 0.7),
                });
            }
        });

    public IEnumerable<OlympiadBatch> Olympiads() =>
        Batches(year => new OlympiadBatch { BatchId = Id("olympiads", year) }, (batch, school, year, random) =>
        {
            var strength = Math.Max(0.1, 1 + (0.4 * school.SocialAdvantage) - (demo.GroundTruth.LowResultSchools.Contains(school.SchoolCode) ? 0.6 : 0));
            foreach (var subject in OlympiadSubjects)
            {
                var municipal = (int)Math.Round(school.StudentsPerGrade * 0.3 * strength * random.NextDouble(0.7, 1.3));
                var regional = (int)Math.Round(municipal * 0.15 * strength);
                var awarded = Math.Min(regional, (int)Math.Round(regional * 0.3 * strength * random.NextDouble(0.5, 1.5)));
                var winners = awarded / 3;
                batch.Rows.Add(new OlympiadRow { SchoolCode = school.SchoolCode, Year = year, Stage = OlympiadStage.Municipal, Subject = subject, Participants = municipal });
                batch.Rows.Add(new OlympiadRow
                {
                    SchoolCode = school.SchoolCode, Year = year, Stage = OlympiadStage.Regional, Subject = subject,
                    Participants = regional, Winners = winners, PrizeWinners = awarded - winners,
                });
            }
        });

    public IEnumerable<CareerGuidanceBatch> CareerGuidance() =>
        Batches(year => new CareerGuidanceBatch { BatchId = Id("career", year) }, (batch, school, year, random) =>
        {
            var low = demo.GroundTruth.LowResultSchools.Contains(school.SchoolCode);
            var graduates = Math.Max(1, (int)Math.Round(school.StudentsPerGrade * random.NextDouble(0.8, 1.1)));
            int Share(double share) => Math.Min(graduates, (int)Math.Round(graduates * share * random.NextDouble(0.7, 1.3)));
            batch.Rows.Add(new CareerGuidanceRow
            {
                SchoolCode = school.SchoolCode,
                Year = year,
                Graduates = graduates,
                TargetContract = Share(0.05),
                ContinuingInPoo = Share(low ? 0.5 : 0.3),
                PriorityProgramme = Share(0.2),
                BiletVBudushee = (int)Math.Round(school.Students * 0.1 * random.NextDouble(0.5, 1.5)),
                PartnerEnterprises = random.NextInt(4),
            });
        });

    private IEnumerable<TBatch> Batches<TBatch>(Func<int, TBatch> create, Action<TBatch, SchoolContext, int, DemoRandom> fill)
    {
        foreach (var year in demo.Options.Years)
        {
            var batch = create(year);
            foreach (var school in demo.Contexts.Where(c => c.Kind == SchoolKind.General))
            {
                fill(batch, school, year, new DemoRandom(StableHash.Of((ulong)demo.Options.Seed, StableHash.Of(school.SchoolCode), (ulong)year, StableHash.Of(typeof(TBatch).Name))));
            }

            yield return batch;
        }
    }

    private string Id(string kind, int year) => string.Create(CultureInfo.InvariantCulture, $"{demo.BatchIdPrefix}-{kind}-{year}");
}
