namespace EduQuality.Domain.Cycle;

/// <summary>Kinds of management decisions and measures (DOMAIN.md §2.2, stage 5 examples). Values are the public contract's enum numbers.</summary>
public enum DecisionType
{
    /// <summary>Изменение перечня и содержания программ повышения квалификации.</summary>
    TrainingProgrammeChange = 1,

    /// <summary>Кадровые решения (в том числе назначение или освобождение руководителя).</summary>
    Personnel = 2,

    /// <summary>Стимулирование (награды, материальное поощрение).</summary>
    Incentive = 3,

    /// <summary>Финансовая помощь школам.</summary>
    FinancialHelp = 4,

    /// <summary>Направление педагогов на курсы повышения квалификации.</summary>
    TeacherTraining = 5,

    /// <summary>Программа поддержки школ с низкими результатами или в сложных социальных условиях.</summary>
    SupportProgramme = 6,

    /// <summary>Сетевое взаимодействие, развитие сети школ.</summary>
    Network = 7,

    /// <summary>Методические мероприятия: семинары, вебинары, методобъединения, наставничество.</summary>
    MethodicalEvents = 8,

    /// <summary>Создание центров («Точка роста» и др.).</summary>
    Infrastructure = 9,

    /// <summary>Иное.</summary>
    Other = 10,
}
