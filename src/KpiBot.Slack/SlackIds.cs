namespace KpiBot.Slack;

/// <summary>The action, block and callback ids the renderers write and the parser reads back.</summary>
public static class SlackIds
{
    public const string OpenCheckIn = "kpi_checkin_open";
    public const string Skip = "kpi_checkin_skip";
    public const string Same = "kpi_checkin_same";

    /// <summary>The prompt's "Later" menu (30 min, 1 h, 2 h) and time picker; their actions block's id is the card.</summary>
    public const string Later = "kpi_checkin_later";
    public const string LaterAt = "kpi_checkin_later_at";
    public const string Confirm = "kpi_confirm";
    public const string CancelConfirm = "kpi_confirm_cancel";

    /// <summary>The check-in modal's <c>callback_id</c>.</summary>
    public const string CheckInModal = "kpi_checkin";

    /// <summary>The confirmation step pushed over the check-in modal (a value far above its target, a newer answer).</summary>
    public const string ConfirmModal = "kpi_checkin_confirm";

    /// <summary>A KDI's input block is <c>kdi:{id}</c>; its element's action id is <see cref="ValueAction"/>.</summary>
    public const string KdiBlockPrefix = "kdi:";
    public const string ValueAction = "value";
    public const string NoteBlock = "note";
    public const string BlockerBlock = "blocker";
    public const string BlockerOption = "blocker";

    public static string KdiBlock(string kdiId) => KdiBlockPrefix + kdiId;

    /// <summary>The button that opens the report form as a modal; its value is the goal to choose, if any.</summary>
    public const string OpenReport = "kpi_report_open";

    /// <summary>The report modal's <c>callback_id</c>; its input blocks are <c>report:{field}</c> (<c>ReportFields</c>).</summary>
    public const string ReportModal = "kpi_report";

    public const string ReportBlockPrefix = "report:";

    public static string ReportBlock(string field) => ReportBlockPrefix + field;
}
