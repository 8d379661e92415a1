using EduQuality.Api.V1;
using EduQuality.Demo.Randomness;

namespace EduQuality.Demo.Layout;

/// <summary>
/// Lays out the demo region: municipalities (a fifth of them city districts), schools spread over them (cities get
/// more), a few organisations of other kinds, and each school's type, size and social context.
/// </summary>
internal static class RegionBuilder
{
    private const double CityShare = 0.2;
    private const double CityWeight = 3.5;

    public static (IReadOnlyList<MunicipalityPlan> Municipalities, IReadOnlyList<SchoolPlan> Schools) Build(DemoOptions options, DemoRandom random)
    {
        var cityCount = Math.Max(1, (int)Math.Round(options.Municipalities * CityShare, MidpointRounding.AwayFromZero));
        var municipalities = Enumerable.Range(0, options.Municipalities)
            .Select(i => RussianNames.Municipality(i, cityCount, random))
            .ToList();
        var counts = AllocateSchools(options.Schools, municipalities, random);
        var urbanSlots = UrbanSlots(municipalities, counts);
        var kinds = AssignKinds(options.Schools, urbanSlots, random);

        var schools = new List<SchoolPlan>(options.Schools);
        var slot = 0;
        for (var m = 0; m < municipalities.Count; m++)
        {
            var municipality = municipalities[m];
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var nextVillage = RussianNames.VillageSequence(random);
            for (var local = 0; local < counts[m]; local++, slot++)
            {
                var urban = urbanSlots.Contains(slot);
                schools.Add(kinds.TryGetValue(slot, out var kind)
                    ? OtherKind(slot + 1, municipality, local, kind, numbers, options.Scale, random)
                    : General(slot + 1, municipality, local, urban, numbers, nextVillage, random));
            }
        }

        AssignContext(schools, municipalities, random);
        return (municipalities, schools);
    }

    private static int[] AllocateSchools(int total, List<MunicipalityPlan> municipalities, DemoRandom random)
    {
        var weights = municipalities.Select(m => (m.IsCity ? CityWeight : 1.0) * random.NextDouble(0.7, 1.3)).ToArray();
        var counts = Enumerable.Repeat(2, municipalities.Count).ToArray();
        var free = total - (2 * municipalities.Count);
        var sum = weights.Sum();
        var shares = weights.Select(w => free * w / sum).ToArray();
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += (int)Math.Floor(shares[i]);
        }

        var byRemainder = Enumerable.Range(0, counts.Length)
            .OrderByDescending(i => shares[i] - Math.Floor(shares[i]))
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; counts.Sum() < total; k++)
        {
            counts[byRemainder[k % byRemainder.Count]]++;
        }

        return counts;
    }

    /// <summary>Every school of a city and the first quarter of a district's schools (its centre) are urban.</summary>
    private static HashSet<int> UrbanSlots(List<MunicipalityPlan> municipalities, int[] counts)
    {
        var urban = new HashSet<int>();
        var slot = 0;
        for (var m = 0; m < municipalities.Count; m++)
        {
            var centre = municipalities[m].IsCity ? counts[m] : Math.Max(1, (int)Math.Round(counts[m] * 0.25, MidpointRounding.AwayFromZero));
            for (var local = 0; local < counts[m]; local++, slot++)
            {
                if (local < centre)
                {
                    urban.Add(slot);
                }
            }
        }

        return urban;
    }

    private static Dictionary<int, SchoolKind> AssignKinds(int total, HashSet<int> urbanSlots, DemoRandom random)
    {
        var wanted = new List<(SchoolKind Kind, int Count)>
        {
            (SchoolKind.Preschool, Math.Max(2, total / 50)),
            (SchoolKind.AdditionalEducation, Math.Max(2, total / 75)),
            (SchoolKind.College, Math.Max(2, total / 100)),
        };
        while (wanted.Sum(w => w.Count) > urbanSlots.Count / 2 && wanted.Any(w => w.Count > 1))
        {
            var largest = wanted.IndexOf(wanted.MaxBy(w => w.Count));
            wanted[largest] = (wanted[largest].Kind, wanted[largest].Count - 1);
        }

        var candidates = urbanSlots.Order().ToList();
        random.Shuffle(candidates);
        var kinds = new Dictionary<int, SchoolKind>();
        var next = 0;
        foreach (var (kind, count) in wanted)
        {
            for (var i = 0; i < count; i++)
            {
                kinds[candidates[next++]] = kind;
            }
        }

        return kinds;
    }

    private static SchoolPlan General(
        int ordinal, MunicipalityPlan municipality, int local, bool urban, Dictionary<string, int> numbers, Func<string> nextVillage, DemoRandom random)
    {
        GeneralSchoolType type;
        int cohort;
        double senior;
        string name;
        if (urban)
        {
            var u = random.NextDouble();
            type = u < (municipality.IsCity ? 0.06 : 0.0) ? GeneralSchoolType.Lyceum
                : u < (municipality.IsCity ? 0.12 : 0.05) ? GeneralSchoolType.Gymnasium
                : GeneralSchoolType.Secondary;
            var advanced = type != GeneralSchoolType.Secondary;
            cohort = advanced ? random.NextInt(60, 111) : municipality.IsCity ? random.NextInt(40, 131) : random.NextInt(30, 81);
            senior = advanced ? 0.8 : 0.5;
            name = RussianNames.UrbanGeneral(type, Next(numbers, type.ToString()), municipality.Locality, random);
        }
        else
        {
            type = random.Chance(0.35) ? GeneralSchoolType.Basic : GeneralSchoolType.Secondary;
            cohort = type == GeneralSchoolType.Basic ? random.NextInt(3, 11) : random.NextInt(9, 29);
            senior = type == GeneralSchoolType.Basic ? 0.0 : 0.42;
            name = RussianNames.RuralGeneral(type, nextVillage(), random);
        }

        return new SchoolPlan
        {
            Ordinal = ordinal,
            Code = SchoolCode(municipality, local),
            MunicipalityCode = municipality.Code,
            Name = name,
            Kind = SchoolKind.General,
            Type = type,
            Settlement = urban ? Settlement.Urban : Settlement.Rural,
            BaseCohortSize = cohort,
            SeniorShare = senior,
        };
    }

    private static SchoolPlan OtherKind(
        int ordinal, MunicipalityPlan municipality, int local, SchoolKind kind, Dictionary<string, int> numbers, double scale, DemoRandom random)
    {
        var number = Next(numbers, kind.ToString());
        var (name, students) = kind switch
        {
            SchoolKind.Preschool => (RussianNames.Kindergarten(number, municipality.Locality), random.NextInt(90, 281)),
            SchoolKind.AdditionalEducation => (RussianNames.AdditionalEducationCentre(number - 1, municipality.Locality), random.NextInt(300, 1501)),
            _ => (RussianNames.College(number - 1, municipality.Locality), random.NextInt(400, 1801)),
        };
        return new SchoolPlan
        {
            Ordinal = ordinal,
            Code = SchoolCode(municipality, local),
            MunicipalityCode = municipality.Code,
            Name = name,
            Kind = kind,
            Type = GeneralSchoolType.None,
            Settlement = Settlement.Urban,
            BaseCohortSize = 0,
            SeniorShare = 0,
            FixedStudents = Math.Max(1, (int)Math.Round(students * scale, MidpointRounding.AwayFromZero)),
        };
    }

    /// <summary>
    /// Social advantage = municipality + settlement + profile + school noise, centred on general schools; the factors
    /// are drawn from it, and the school effect on ability follows it with its own noise.
    /// </summary>
    private static void AssignContext(List<SchoolPlan> schools, List<MunicipalityPlan> municipalities, DemoRandom random)
    {
        var effects = municipalities.ToDictionary(m => m.Code, m => m.SocialEffect, StringComparer.Ordinal);
        foreach (var school in schools)
        {
            school.SocialAdvantage = effects[school.MunicipalityCode]
                + (school.Settlement == Settlement.Rural ? -0.45 : 0.15)
                + (school.IsAdvanced ? 0.5 : 0.0)
                + (0.65 * random.NextGaussian());
        }

        var mean = schools.Where(s => s.WritesAssessments).Average(s => s.SocialAdvantage);
        foreach (var school in schools)
        {
            school.SocialAdvantage = Math.Round(school.SocialAdvantage - mean, 4, MidpointRounding.AwayFromZero);
            school.Factors = SocialContextModel.Draw(random, school.SocialAdvantage, school.Settlement, school.BaseCohortSize);
            school.SchoolEffect = (0.42 * school.SocialAdvantage) + (0.3 * random.NextGaussian()) + (school.IsAdvanced ? 0.3 : 0.0);
        }
    }

    private static string SchoolCode(MunicipalityPlan municipality, int local) => $"{municipality.Code}-S{local + 1:D3}";

    private static int Next(Dictionary<string, int> numbers, string key)
    {
        var number = numbers.GetValueOrDefault(key) + 1;
        numbers[key] = number;
        return number;
    }
}
