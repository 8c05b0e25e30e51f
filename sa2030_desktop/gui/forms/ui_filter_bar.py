# generated from ui/filter_bar.ui by `python -m sa2030_desktop.gui.forms.build` — do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'filter_bar.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FilterBar(object):
    def setupUi(self, FilterBar):
        if not FilterBar.objectName():
            FilterBar.setObjectName(u"FilterBar")
        FilterBar.resize(1400, 80)
        self.outerLayout = QVBoxLayout(FilterBar)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(6, 6, 6, 2)
        self.firstRow = QHBoxLayout()
        self.firstRow.setObjectName(u"firstRow")
        self.searchLabel = QLabel(FilterBar)
        self.searchLabel.setObjectName(u"searchLabel")

        self.firstRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(FilterBar)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMinimumSize(QSize(260, 0))

        self.firstRow.addWidget(self.searchEdit)

        self.categoryLabel = QLabel(FilterBar)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.firstRow.addWidget(self.categoryLabel)

        self.categoryCombo = QComboBox(FilterBar)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(14)

        self.firstRow.addWidget(self.categoryCombo)

        self.themeLabel = QLabel(FilterBar)
        self.themeLabel.setObjectName(u"themeLabel")

        self.firstRow.addWidget(self.themeLabel)

        self.themeCombo = QComboBox(FilterBar)
        self.themeCombo.setObjectName(u"themeCombo")
        self.themeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.themeCombo.setMinimumContentsLength(14)

        self.firstRow.addWidget(self.themeCombo)

        self.statusLabel = QLabel(FilterBar)
        self.statusLabel.setObjectName(u"statusLabel")

        self.firstRow.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(FilterBar)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.statusCombo.setMinimumContentsLength(14)

        self.firstRow.addWidget(self.statusCombo)


        self.outerLayout.addLayout(self.firstRow)

        self.secondRow = QHBoxLayout()
        self.secondRow.setObjectName(u"secondRow")
        self.ministryLabel = QLabel(FilterBar)
        self.ministryLabel.setObjectName(u"ministryLabel")

        self.secondRow.addWidget(self.ministryLabel)

        self.ministryCombo = QComboBox(FilterBar)
        self.ministryCombo.setObjectName(u"ministryCombo")
        self.ministryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ministryCombo.setMinimumContentsLength(14)

        self.secondRow.addWidget(self.ministryCombo)

        self.involvedCombo = QComboBox(FilterBar)
        self.involvedCombo.setObjectName(u"involvedCombo")
        self.involvedCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.involvedCombo.setMinimumContentsLength(14)

        self.secondRow.addWidget(self.involvedCombo)

        self.slippedCheck = QCheckBox(FilterBar)
        self.slippedCheck.setObjectName(u"slippedCheck")

        self.secondRow.addWidget(self.slippedCheck)

        self.resetButton = QPushButton(FilterBar)
        self.resetButton.setObjectName(u"resetButton")

        self.secondRow.addWidget(self.resetButton)

        self.spacer1 = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.secondRow.addItem(self.spacer1)

        self.viewLabel = QLabel(FilterBar)
        self.viewLabel.setObjectName(u"viewLabel")

        self.secondRow.addWidget(self.viewLabel)

        self.viewCombo = QComboBox(FilterBar)
        self.viewCombo.setObjectName(u"viewCombo")
        self.viewCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.viewCombo.setMinimumContentsLength(14)

        self.secondRow.addWidget(self.viewCombo)

        self.saveViewButton = QPushButton(FilterBar)
        self.saveViewButton.setObjectName(u"saveViewButton")

        self.secondRow.addWidget(self.saveViewButton)

        self.deleteViewButton = QPushButton(FilterBar)
        self.deleteViewButton.setObjectName(u"deleteViewButton")

        self.secondRow.addWidget(self.deleteViewButton)

        self.countLabel = QLabel(FilterBar)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setMinimumSize(QSize(150, 0))
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.secondRow.addWidget(self.countLabel)


        self.outerLayout.addLayout(self.secondRow)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.themeLabel.setBuddy(self.themeCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.ministryLabel.setBuddy(self.ministryCombo)
        self.viewLabel.setBuddy(self.viewCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.themeCombo)
        QWidget.setTabOrder(self.themeCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.ministryCombo)
        QWidget.setTabOrder(self.ministryCombo, self.involvedCombo)
        QWidget.setTabOrder(self.involvedCombo, self.slippedCheck)
        QWidget.setTabOrder(self.slippedCheck, self.resetButton)
        QWidget.setTabOrder(self.resetButton, self.viewCombo)
        QWidget.setTabOrder(self.viewCombo, self.saveViewButton)
        QWidget.setTabOrder(self.saveViewButton, self.deleteViewButton)

        self.retranslateUi(FilterBar)

        QMetaObject.connectSlotsByName(FilterBar)
    # setupUi

    def retranslateUi(self, FilterBar):
#if QT_CONFIG(accessibility)
        FilterBar.setAccessibleName(QCoreApplication.translate("FilterBar", u"Filter der Zieltabelle", None))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(QCoreApplication.translate("FilterBar", u"&Suche:", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("FilterBar", u"Suche in Schl\u00fcssel, Titel und Beschreibung", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("FilterBar", u"Schl\u00fcssel, Titel oder Beschreibung (Strg+F)", None))
        self.categoryLabel.setText(QCoreApplication.translate("FilterBar", u"&Zielkategorie:", None))
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Zielkategorie", None))
#endif // QT_CONFIG(accessibility)
        self.themeLabel.setText(QCoreApplication.translate("FilterBar", u"&Themenfeld:", None))
#if QT_CONFIG(accessibility)
        self.themeCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Themenfeld", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("FilterBar", u"S&tatus:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.ministryLabel.setText(QCoreApplication.translate("FilterBar", u"&Ressort:", None))
#if QT_CONFIG(accessibility)
        self.ministryCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Ressort", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.involvedCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Ressortbezug", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.slippedCheck.setAccessibleName(QCoreApplication.translate("FilterBar", u"Nur Ziele mit Verzug", None))
#endif // QT_CONFIG(accessibility)
        self.slippedCheck.setText(QCoreApplication.translate("FilterBar", u"nur mit &Verzug", None))
#if QT_CONFIG(accessibility)
        self.resetButton.setAccessibleName(QCoreApplication.translate("FilterBar", u"Alle Filter zur\u00fccksetzen", None))
#endif // QT_CONFIG(accessibility)
        self.resetButton.setText(QCoreApplication.translate("FilterBar", u"Filter &zur\u00fccksetzen", None))
        self.viewLabel.setText(QCoreApplication.translate("FilterBar", u"Gespeicherte &Ansicht:", None))
#if QT_CONFIG(accessibility)
        self.viewCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Gespeicherte Ansicht", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.saveViewButton.setAccessibleName(QCoreApplication.translate("FilterBar", u"Filter als Ansicht speichern", None))
#endif // QT_CONFIG(accessibility)
        self.saveViewButton.setText(QCoreApplication.translate("FilterBar", u"Ansicht speichern\u2026", None))
#if QT_CONFIG(accessibility)
        self.deleteViewButton.setAccessibleName(QCoreApplication.translate("FilterBar", u"Gespeicherte Ansicht l\u00f6schen", None))
#endif // QT_CONFIG(accessibility)
        self.deleteViewButton.setText(QCoreApplication.translate("FilterBar", u"Ansicht l\u00f6schen", None))
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("FilterBar", u"Anzahl sichtbarer Ziele", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText(QCoreApplication.translate("FilterBar", u"0 von 0 Zielen", None))
    # retranslateUi

