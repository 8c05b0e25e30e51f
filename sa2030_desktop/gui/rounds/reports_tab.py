"""The „Meldungen“ tab of the Berichtsrunden view, built onto the page (its widgets are the page's
attributes, as the page's slots and the tests use them)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sa2030_desktop.domain.reporting import ReportState
from sa2030_desktop.gui.rounds.columns import report_columns
from sa2030_desktop.gui.rounds.table_model import RowsModel
from sa2030_desktop.gui.rounds.tables import sortable_table


def build_reports_tab(page) -> QWidget:
    """The „Meldungen“ tab of the RoundsPage `page`: the reports of the round with filters by
    ministry and state, the report form, and writing/collecting the Meldebögen."""
    tab = QWidget(page)
    page.titles: dict[str, str] = {}
    page.report_model = RowsModel(report_columns(page.titles), page)
    page.report_view = sortable_table(tab, page.report_model, "reportList",
                                      page.tr("Meldungen der Runde"), stretch=1)  # fmt: skip
    page.report_view.activated.connect(lambda *_: page.edit_report())
    page.report_view.selectionModel().currentRowChanged.connect(page._report_chosen)
    page.report_proxy = page.report_view.model()
    page.ministry_filter = QComboBox(tab)
    page.ministry_filter.setObjectName("reportMinistryFilter")
    page.ministry_filter.setAccessibleName(page.tr("Ressort filtern"))
    page.state_filter = QComboBox(tab)
    page.state_filter.setObjectName("reportStateFilter")
    page.state_filter.setAccessibleName(page.tr("Zustand filtern"))
    page.state_filter.addItem(page.tr("alle Zustände"), None)
    for state in ReportState:
        page.state_filter.addItem(state.label, state)
    page.ministry_filter.currentIndexChanged.connect(page.filter_reports)
    page.state_filter.currentIndexChanged.connect(page.filter_reports)
    page.form_button = QPushButton(page.tr("&Meldung erfassen …"), tab)
    page.form_button.setObjectName("reportFormButton")
    page.form_button.clicked.connect(page.edit_report)
    page.write_forms_button = QPushButton(page.tr("Meldebögen &schreiben …"), tab)
    page.write_forms_button.setObjectName("writeFormsButton")
    page.write_forms_button.setToolTip(page.tr(
        "Excel-Meldebögen für die Ressorts ohne die Anwendung (alle oder das gefilterte)"))  # fmt: skip
    page.write_forms_button.clicked.connect(page.write_forms)
    page.collect_forms_button = QPushButton(page.tr("Meldebögen ei&nsammeln …"), tab)
    page.collect_forms_button.setObjectName("collectFormsButton")
    page.collect_forms_button.clicked.connect(page.collect_forms)
    page.report_count = QLabel(tab)
    page.package_note = QLabel(tab)
    page.package_note.setObjectName("roundsPackageNote")
    page.package_note.setWordWrap(True)
    page.package_note.hide()
    row = QHBoxLayout()
    for text, combo in ((page.tr("&Ressort:"), page.ministry_filter),
                        (page.tr("&Zustand:"), page.state_filter)):  # fmt: skip
        label = QLabel(text, tab)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
    row.addWidget(page.report_count, 1)
    row.addWidget(page.form_button)
    forms = QHBoxLayout()
    forms.addWidget(QLabel(page.tr("Ressorts ohne die Anwendung:"), tab))
    forms.addWidget(page.write_forms_button)
    forms.addWidget(page.collect_forms_button)
    forms.addStretch(1)
    layout = QVBoxLayout(tab)
    layout.addWidget(page.package_note)
    layout.addLayout(row)
    layout.addWidget(page.report_view, 1)
    layout.addLayout(forms)
    return tab
