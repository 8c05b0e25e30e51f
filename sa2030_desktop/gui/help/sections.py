"""Which handbook section explains which place of the application.

Views and docks name their section in their declaration (ViewSpec.help, DockSpec.help). Dialogs,
windows and parts inside a dock are not declared; they are listed here by class, so one table
says where F1 leads, and tests/help fails when a dialog has no entry or an entry names a section
the handbook does not have.
"""

from __future__ import annotations

# F1 where no section fits: the table of contents at the top of the handbook.
CONTENTS = "inhalt"

# "module.Class" of a widget (a dialog, a window, a part of a dock) → section id.
CLASS_SECTIONS: dict[str, str] = {
    # dialogs
    "sa2030_desktop.gui.detail.link_dialog.LinkDialog": "abhaengigkeit-anlegen",
    "sa2030_desktop.gui.detail.indicators.IndicatorDialog": "indikator",
    "sa2030_desktop.gui.detail.goal_dialogs.NewGoalDialog": "ziel-anlegen",
    "sa2030_desktop.gui.detail.dialogs._RequiredTextDialog": "status-aendern",
    "sa2030_desktop.gui.detail.dialogs.StatusReasonDialog": "status-aendern",
    "sa2030_desktop.gui.detail.dialogs.RebaselineDialog": "basistermin",
    "sa2030_desktop.gui.detail.dialogs.NewMilestoneDialog": "meilensteine",
    "sa2030_desktop.gui.reference_dialog.RenameMinistryDialog": "stammdaten",
    "sa2030_desktop.gui.reference_dialog.ReferenceDialog": "stammdaten",
    "sa2030_desktop.gui.report_dialog.ReportDialog": "excel-import",
    "sa2030_desktop.gui.timeline.dialogs.DateCommentDialog": "zeitplan-bearbeiten",
    "sa2030_desktop.gui.safety.backups_dialog.BackupsDialog": "sicherungen",
    "sa2030_desktop.gui.briefing.dialog.BriefingDialog": "briefings",
    "sa2030_desktop.gui.graph.workshop_dialog.WorkshopDialog": "workshop-protokoll",
    "sa2030_desktop.gui.exchange.import_wizard.ImportWizard": "excel-import",
    "sa2030_desktop.gui.exchange.merge_dialog.MergeDialog": "zusammenfuehren",
    "sa2030_desktop.gui.graph.kind_chooser.KindChooser": "abhaengigkeit-anlegen",
    "sa2030_desktop.gui.help.first_steps.FirstStepsDialog": "rundgang",
    "sa2030_desktop.gui.help.shortcuts.ShortcutsDialog": "tastenkuerzel",
    "sa2030_desktop.gui.tasks.TaskProgressDialog": "lange-vorgaenge",
    "sa2030_desktop.gui.rounds.dialogs.OpenRoundDialog": "runde-eroeffnen",
    "sa2030_desktop.gui.rounds.dialogs.ReturnDialog": "pruefen",
    "sa2030_desktop.gui.rounds.report_form.ReportFormDialog": "melden",
    # windows
    "sa2030_desktop.gui.graph.presentation.PresentationWindow": "praesentation",
    # parts of the goal detail and the timeline
    "sa2030_desktop.gui.detail.milestones.MilestoneSection": "meilensteine",
    "sa2030_desktop.gui.detail.indicators.IndicatorSection": "indikator",
    "sa2030_desktop.gui.detail.relations.RelationsSection": "abhaengigkeit-anlegen",
    "sa2030_desktop.gui.timeline.whatif_panel.WhatIfPanel": "was-waere-wenn",
    "sa2030_desktop.gui.filter_bar.FilterBar": "filtern",
    "sa2030_desktop.gui.rounds.review_panel.ReviewPanel": "pruefen",
    "sa2030_desktop.gui.rounds.compare_panel.ComparePanel": "runde-abschliessen",
}

# Error codes of a refusal (messages.py) → the section that explains the rule behind it.
ERROR_SECTIONS: dict[str, str] = {
    "cycle": "abhaengigkeit",
    "self_dependency": "abhaengigkeit",
    "duplicate_dependency": "abhaengigkeit",
    "merge_cycle_hint": "zusammenfuehren",
    "status_reason_required": "status-aendern",
    "baseline_needs_rebaseline": "basistermin",
    "rebaseline_comment_required": "basistermin",
    "actual_in_future": "ist",
    "forecast_before_achieved_prerequisite": "terminkonflikt",
    "file_locked": "sperre",
    "readonly": "sperre",
    "readonly_disk": "sperre",
    "older_shown_readonly": "sperre",
    "older_read_from_copy": "sperre",
    "file_damaged": "wiederherstellen",
    "file_truncated": "wiederherstellen",
    "backup_failed": "sicherungen",
    "backup_damaged": "sicherungen",
    "restore_failed": "wiederherstellen",
    "no_backup": "sicherungen",
    "remote_changed": "arbeitskopie",
    "write_back_failed": "arbeitskopie",
    "remote_busy": "arbeitskopie",
    "package_readonly": "ressortpaket",
    "package_lead_fixed": "ressortpaket",
    "package_is_package": "ressortpaket",
    "not_a_package": "ressortpaket",
    "merge_foreign": "zusammenfuehren",
    "merge_same_file": "zusammenfuehren",
    "merge_conflicts": "zusammenfuehren",
    "merge_undecided": "zusammenfuehren",
    "merge_stale": "zusammenfuehren",
    "validation": "excel-import",
    "missing_column": "excel-import",
    "unrecognised_table": "excel-import",
    "category_mismatch": "excel-import",
    "empty_selection": "briefings",
    "vermerk_needs_one_goal": "briefings",
    "target_open_in_word": "briefings",
    "office_missing": "briefings",
    "ministry_closed": "stammdaten",
    "effective_before_start": "stammdaten",
    "still_in_use": "stammdaten",
    "indicator_target_equals_baseline": "indikator",
    "indicator_target_date_not_after_baseline": "indikator",
    "round_closed": "berichtsrunden",
    "report_accepted": "pruefen",
    "round_missing_reports": "runde-abschliessen",
    "round_already_closed": "runde-abschliessen",
    "return_needs_comment": "pruefen",
    "review_not_submitted": "pruefen",
    "progress_too_long": "melden",
}


def class_section(cls: type) -> str | None:
    """The section of a widget class or of the nearest base class that has one."""
    for klass in cls.__mro__:
        section = CLASS_SECTIONS.get(f"{klass.__module__}.{klass.__qualname__}")
        if section:
            return section
    return None


def error_section(exc: BaseException) -> str | None:
    return ERROR_SECTIONS.get(getattr(exc, "code", "") or "")
