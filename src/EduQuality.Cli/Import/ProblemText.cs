using System.Text.RegularExpressions;

namespace EduQuality.Cli.Import;

/// <summary>
/// Russian wording of the problems the server's validators report (in English, for API clients, in
/// google.rpc.BadRequest and in EduQuality.Domain's violations): <c>eduq import</c> shows every problem in Russian,
/// whether its own validation found it or the server's. The table is keyed by the English text with its figures as
/// placeholders; a text it does not know is shown as it is (docs/adr/0029-import-messages-in-russian.md).
/// </summary>
public static partial class ProblemText
{
    private static readonly (Regex English, string Russian)[] Table = Build(
    [
        // Result batches (ResultBatchValidator, ParticipantCodeRule).
        ("batch id is required, at most {0} characters", "нужен идентификатор пакета не длиннее {0} символов"),
        ("procedure is required (VPR, OGE, EGE, NIKO or REGIONAL_DIAGNOSTIC)", "нужна процедура: ВПР, ОГЭ, ЕГЭ, НИКО или региональная диагностика"),
        ("year must be between {0} and {1}", "учебный год должен быть от {0} до {1}"),
        ("a batch holds 1 to {0} rows", "в пакете должно быть от 1 до {0} строк"),
        ("duplicate participant for subject {0}, grade {1}: already in row {2}", "повтор участника (предмет {0}, класс {1}): он уже есть в строке {2} пакета"),
        ("no school is registered with this code", "ОО с таким кодом не зарегистрирована"),
        ("no school is registered with this code in that year", "ОО с таким кодом не зарегистрирована в этом учебном году"),
        ("class label is required for {0}", "для {0} нужна литера класса"),
        ("class label is longer than {0} characters", "литера класса длиннее {0} символов"),
        ("{0} is written in grades {1}", "{0} проводится в классах {1}"),
        ("unknown subject code", "неизвестный код предмета"),
        ("maximum primary score must be 1 to {0}", "максимальный первичный балл должен быть от 1 до {0}"),
        ("primary score must be 0 to the maximum {0}", "первичный балл должен быть от 0 до максимального {0}"),
        ("mark must be 2, 3, 4 or 5", "отметка должна быть 2, 3, 4 или 5"),
        ("mark is required for {0} {1}", "для {0} ({1}) нужна отметка"),
        ("a 100-point test score is given only for ЕГЭ", "тестовый (стобалльный) балл бывает только у ЕГЭ"),
        ("test score must be 0 to 100", "тестовый балл должен быть от 0 до 100"),
        ("test score is required for ЕГЭ", "для ЕГЭ нужен тестовый балл"),
        ("a term mark is not compared for {0}", "для {0} отметка по журналу не сопоставляется"),
        ("term mark must be 2, 3, 4 or 5", "отметка по журналу должна быть 2, 3, 4 или 5"),
        ("there must be one maximum per task ({0} tasks)", "у каждого задания должен быть максимальный балл (заданий: {0})"),
        ("at most {0} tasks", "заданий не может быть больше {0}"),
        ("task maximum must be 1 to {0}", "максимальный балл за задание должен быть от 1 до {0}"),
        ("task points must be 0 to the task maximum {0}", "баллы за задание должны быть от 0 до максимального {0}"),
        ("task points add up to {0}, not to the primary score {1}", "сумма баллов за задания {0} не равна первичному баллу {1}"),
        ("participant code is required", "нужен код участника"),
        ("participant code is longer than {0} characters", "код участника длиннее {0} символов"),
        ("participant code may hold only Latin letters, digits, '-' and '_' (names are not accepted)",
            "код участника может содержать только латинские буквы, цифры, «-» и «_» (ФИО не принимаются)"),
        ("participant code has no digit and looks like a name; send the pseudonymous code", "в коде участника нет цифр, он похож на фамилию: укажите обезличенный код"),
        ("participant code looks like a СНИЛС number; send the pseudonymous code", "код участника похож на СНИЛС: укажите обезличенный код"),

        // Organisations (OrganizationValidator).
        ("code repeats row {0}", "код повторяет строку {0} пакета"),
        ("code must be 2-40 Latin letters, digits, '-', '_' or '.'", "код должен состоять из 2–40 латинских букв, цифр, «-», «_» или «.»"),
        ("level must be REGION, MUNICIPALITY or SCHOOL", "уровень должен быть: регион, муниципалитет или ОО"),
        ("name is required, at most {0} characters", "нужно наименование не длиннее {0} символов"),
        ("students must be 0 to {0}", "численность обучающихся должна быть от 0 до {0}"),
        ("a region has no parent", "у региона нет вышестоящей организации"),
        ("no organisation is registered with this code", "организация с таким кодом не зарегистрирована"),
        ("no organisation is registered with this code in that year", "организация с таким кодом не зарегистрирована в этом учебном году"),
        ("the parent of a {0} must be a {1}, not a {2}", "вышестоящей для уровня «{0}» должен быть уровень «{1}», а не «{2}»"),
        ("already registered as a {0}", "уже зарегистрирована с уровнем «{0}»"),
        ("registered under {0}; the parent changes only through MoveSchool, which keeps the history",
            "зарегистрирована в подчинении {0}; вышестоящая организация меняется только переводом (MoveSchool), который сохраняет историю"),

        // Context data (BatchRules, SchoolContextValidator, SchoolActivityValidator, IndicatorValueValidator).
        ("the same key is already in row {0}; a batch holds each key once", "та же запись уже есть в строке {0} пакета"),
        ("a share must be between 0 and 1", "доля должна быть от 0 до 1 (от 0 до 100 %)"),
        ("a pseudonymous teacher code of 1 to {0} characters is required", "нужен обезличенный код учителя длиной от 1 до {0} символов"),
        ("stage is required (school, municipal, regional or final)", "нужен этап: школьный, муниципальный, региональный или заключительный"),
        ("a count cannot be negative", "количество не может быть отрицательным"),
        ("winners ({0}) and prize-winners ({1}) exceed the participants ({2})", "победителей ({0}) и призёров ({1}) вместе больше, чем участников ({2})"),
        ("more than the graduates ({0})", "больше, чем выпускников ({0})"),
        ("level must be REGIONAL or FEDERAL", "уровень должен быть региональным или федеральным"),
        ("no indicator of the catalogue has this code", "в каталоге нет показателя с таким кодом"),
        ("the value must be a finite number", "значение должно быть конечным числом"),
        ("the indicator is a percentage: the value must be between 0 and 100", "показатель в процентах: значение должно быть от 0 до 100"),
        ("the number of students cannot be negative", "численность обучающихся не может быть отрицательной"),
        ("a count of students needs the number of students (students)", "количество обучающихся указывается только вместе с общей численностью обучающихся"),
        ("the count must be between 0 and the school's {0} students", "количество должно быть от 0 до численности обучающихся ОО ({0})"),
        ("the share does not agree with its count: {0} of {1} students is {2}", "доля не согласуется с количеством: {0} из {1} обучающихся — это {2}"),
        ("no region is registered with this code in that year", "регион с таким кодом не зарегистрирован в этом учебном году"),
        ("a procedure is required", "нужна процедура"),
        ("grade must be between 1 and 11", "класс должен быть от 1 до 11"),
        ("a mean score must be between 0 and 100", "средний балл должен быть от 0 до 100"),

        // Any text field (the server's InputGuard).
        ("text may not contain a NUL character", "текст не может содержать символ NUL"),
        ("text is longer than {0} characters", "текст длиннее {0} символов"),
    ]);

    /// <summary>Levels of the hierarchy as the organisation messages name them.</summary>
    private static readonly Dictionary<string, string> Levels = new(StringComparer.Ordinal)
    {
        ["Region"] = "регион", ["Municipality"] = "муниципалитет", ["School"] = "ОО",
    };

    /// <summary>The Russian wording of <paramref name="problem"/>, or the text itself when the table does not know it.</summary>
    public static string Russian(string problem)
    {
        foreach (var (english, russian) in Table)
        {
            if (english.Match(problem) is { Success: true } match)
            {
                var text = russian;
                for (var group = 1; group < match.Groups.Count; group++)
                {
                    var figure = match.Groups[group].Value;
                    text = text.Replace($"{{{group - 1}}}", Levels.GetValueOrDefault(figure, figure), StringComparison.Ordinal);
                }

                return text;
            }
        }

        return problem;
    }

    private static (Regex, string)[] Build((string English, string Russian)[] entries) =>
        [.. entries.Select(e => (
            new Regex("^" + Placeholder().Replace(Regex.Escape(e.English), "(.+?)") + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline),
            e.Russian))];

    // Regex.Escape writes "{0}" as "\{0}".
    [GeneratedRegex(@"\\\{\d\}")]
    private static partial Regex Placeholder();
}
