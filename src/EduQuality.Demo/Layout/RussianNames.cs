using EduQuality.Demo.Randomness;

namespace EduQuality.Demo.Layout;

/// <summary>Invented Russian names for the demo region's municipalities and organisations.</summary>
internal static class RussianNames
{
    public const string RegionName = "Демонстрационная область";

    private static readonly string[] Cities =
    [
        "Северогорск", "Заречный", "Сосновоборск", "Белоозёрск", "Кедрогорск", "Лесногорск", "Новоречинск", "Светлоярск",
        "Каменногорск", "Краснореченск", "Верхнекамск", "Озёрогорск", "Ясногорск", "Старомлынск", "Приволжанск", "Снежногорск",
    ];

    private static readonly string[] Districts =
    [
        "Берёзовский", "Сосновский", "Ольховский", "Кедровский", "Озёрский", "Каменский", "Луговской", "Полевской",
        "Приреченский", "Лесной", "Подгорный", "Ключевской", "Боровской", "Ивановский", "Никольский", "Покровский",
        "Троицкий", "Успенский", "Михайловский", "Знаменский", "Богородский", "Рождественский", "Вознесенский", "Спасский",
        "Дубравный", "Яблоновский", "Черёмуховский", "Рябиновский", "Калиновский", "Сиреневский", "Липовский", "Тополёвский",
    ];

    private static readonly string[] DistrictPrefixes = ["Верхне", "Нижне", "Ново", "Старо", "Велико", "Мало"];

    private static readonly string[] Villages =
    [
        "Ивановская", "Петровская", "Никольская", "Михайловская", "Покровская", "Троицкая", "Успенская", "Воскресенская",
        "Знаменская", "Александровская", "Алексеевская", "Васильевская", "Сергеевская", "Андреевская", "Павловская",
        "Николаевская", "Марьинская", "Ольховская", "Берёзовская", "Сосновская", "Липовская", "Каменская", "Луговская",
        "Полевская", "Озёрская", "Заречная", "Нагорная", "Степная", "Лесная", "Кузьминская", "Фёдоровская", "Дмитриевская",
        "Ильинская", "Богородская", "Рождественская", "Спасская", "Преображенская", "Вознесенская", "Казанская", "Архангельская",
        "Борисовская", "Глебовская", "Ключевская", "Родниковская",
    ];

    private static readonly string[] AdditionalEducation =
    [
        "Дом детского творчества", "Центр дополнительного образования", "Детско-юношеская спортивная школа",
        "Станция юных техников", "Детская школа искусств", "Центр детского технического творчества",
    ];

    private static readonly string[] Colleges =
    [
        "Политехнический колледж", "Педагогический колледж", "Медицинский колледж", "Колледж сервиса и туризма",
        "Аграрный техникум", "Строительный колледж", "Колледж информационных технологий", "Индустриальный техникум",
    ];

    public static MunicipalityPlan Municipality(int index, int cityCount, DemoRandom random)
    {
        var code = $"M{index + 1:D2}";
        if (index < cityCount)
        {
            var city = Numbered(Cities, index, (name, round) => $"{name}-{round + 1}");
            return new MunicipalityPlan(code, $"Городской округ {city}", true, $"г. {city}", random.NextDouble(0.1, 0.5));
        }

        var district = Numbered(Districts, index - cityCount, (name, round) => DistrictPrefixes[(round - 1) % DistrictPrefixes.Length] + name.ToLowerInvariant());
        return new MunicipalityPlan(code, $"{district} муниципальный район", false, $"пгт {district}", random.NextDouble(-0.5, 0.0));
    }

    /// <summary>Names villages of one municipality so that no two rural schools there share a name.</summary>
    public static Func<string> VillageSequence(DemoRandom random)
    {
        var order = Villages.ToList();
        random.Shuffle(order);
        var next = 0;
        return () =>
        {
            var round = next / order.Count;
            var name = order[next % order.Count];
            next++;
            return round == 0 ? name : $"{name} № {round + 1}";
        };
    }

    public static string UrbanGeneral(GeneralSchoolType type, int number, string locality, DemoRandom random)
    {
        var form = random.Chance(0.55) ? "МАОУ" : "МБОУ";
        var what = type switch
        {
            GeneralSchoolType.Lyceum => "Лицей",
            GeneralSchoolType.Gymnasium => "Гимназия",
            GeneralSchoolType.Basic => "ООШ",
            _ => "СОШ",
        };
        return $"{form} {what} № {number} {locality}";
    }

    public static string RuralGeneral(GeneralSchoolType type, string village, DemoRandom random)
    {
        var form = random.Chance(0.7) ? "МКОУ" : "МБОУ";
        return $"{form} {village} {(type == GeneralSchoolType.Basic ? "ООШ" : "СОШ")}";
    }

    public static string Kindergarten(int number, string locality) => $"МБДОУ Детский сад № {number} {locality}";

    public static string AdditionalEducationCentre(int ordinal, string locality) =>
        $"МАУ ДО «{Numbered(AdditionalEducation, ordinal, (name, round) => $"{name} № {round + 1}")}» {locality}";

    public static string College(int ordinal, string locality) =>
        $"ГАПОУ «{Numbered(Colleges, ordinal, (name, round) => $"{name} № {round + 1}")}» {locality}";

    private static string Numbered(string[] names, int index, Func<string, int, string> repeat)
    {
        var round = index / names.Length;
        var name = names[index % names.Length];
        return round == 0 ? name : repeat(name, round);
    }
}
