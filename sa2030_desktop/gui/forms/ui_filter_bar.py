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
    QWidget)

class Ui_FilterBar(object):
    def setupUi(self, FilterBar):
        if not FilterBar.objectName():
            FilterBar.setObjectName(u"FilterBar")
        FilterBar.resize(1000, 70)
        self.searchGroup = QWidget(FilterBar)
        self.searchGroup.setObjectName(u"searchGroup")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.searchGroup.sizePolicy().hasHeightForWidth())
        self.searchGroup.setSizePolicy(sizePolicy)
        self.searchGroupLayout = QHBoxLayout(self.searchGroup)
        self.searchGroupLayout.setSpacing(4)
        self.searchGroupLayout.setObjectName(u"searchGroupLayout")
        self.searchGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.searchLabel = QLabel(self.searchGroup)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchGroupLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(self.searchGroup)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMinimumSize(QSize(180, 0))
        sizePolicy.setHeightForWidth(self.searchEdit.sizePolicy().hasHeightForWidth())
        self.searchEdit.setSizePolicy(sizePolicy)

        self.searchGroupLayout.addWidget(self.searchEdit)

        self.countLabel = QLabel(self.searchGroup)
        self.countLabel.setObjectName(u"countLabel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.countLabel.sizePolicy().hasHeightForWidth())
        self.countLabel.setSizePolicy(sizePolicy1)
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.searchGroupLayout.addWidget(self.countLabel)

        self.categoryGroup = QWidget(FilterBar)
        self.categoryGroup.setObjectName(u"categoryGroup")
        sizePolicy1.setHeightForWidth(self.categoryGroup.sizePolicy().hasHeightForWidth())
        self.categoryGroup.setSizePolicy(sizePolicy1)
        self.categoryGroupLayout = QHBoxLayout(self.categoryGroup)
        self.categoryGroupLayout.setSpacing(4)
        self.categoryGroupLayout.setObjectName(u"categoryGroupLayout")
        self.categoryGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.categoryLabel = QLabel(self.categoryGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.categoryGroupLayout.addWidget(self.categoryLabel)

        self.categoryCombo = QComboBox(self.categoryGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(12)
        sizePolicy1.setHeightForWidth(self.categoryCombo.sizePolicy().hasHeightForWidth())
        self.categoryCombo.setSizePolicy(sizePolicy1)

        self.categoryGroupLayout.addWidget(self.categoryCombo)

        self.themeGroup = QWidget(FilterBar)
        self.themeGroup.setObjectName(u"themeGroup")
        sizePolicy.setHeightForWidth(self.themeGroup.sizePolicy().hasHeightForWidth())
        self.themeGroup.setSizePolicy(sizePolicy)
        self.themeGroupLayout = QHBoxLayout(self.themeGroup)
        self.themeGroupLayout.setSpacing(4)
        self.themeGroupLayout.setObjectName(u"themeGroupLayout")
        self.themeGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.themeLabel = QLabel(self.themeGroup)
        self.themeLabel.setObjectName(u"themeLabel")

        self.themeGroupLayout.addWidget(self.themeLabel)

        self.themeCombo = QComboBox(self.themeGroup)
        self.themeCombo.setObjectName(u"themeCombo")
        self.themeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.themeCombo.setMinimumContentsLength(16)
        sizePolicy.setHeightForWidth(self.themeCombo.sizePolicy().hasHeightForWidth())
        self.themeCombo.setSizePolicy(sizePolicy)

        self.themeGroupLayout.addWidget(self.themeCombo)

        self.statusGroup = QWidget(FilterBar)
        self.statusGroup.setObjectName(u"statusGroup")
        sizePolicy1.setHeightForWidth(self.statusGroup.sizePolicy().hasHeightForWidth())
        self.statusGroup.setSizePolicy(sizePolicy1)
        self.statusGroupLayout = QHBoxLayout(self.statusGroup)
        self.statusGroupLayout.setSpacing(4)
        self.statusGroupLayout.setObjectName(u"statusGroupLayout")
        self.statusGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.statusLabel = QLabel(self.statusGroup)
        self.statusLabel.setObjectName(u"statusLabel")

        self.statusGroupLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(self.statusGroup)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.statusCombo.setMinimumContentsLength(13)
        sizePolicy1.setHeightForWidth(self.statusCombo.sizePolicy().hasHeightForWidth())
        self.statusCombo.setSizePolicy(sizePolicy1)

        self.statusGroupLayout.addWidget(self.statusCombo)

        self.ministryGroup = QWidget(FilterBar)
        self.ministryGroup.setObjectName(u"ministryGroup")
        sizePolicy1.setHeightForWidth(self.ministryGroup.sizePolicy().hasHeightForWidth())
        self.ministryGroup.setSizePolicy(sizePolicy1)
        self.ministryGroupLayout = QHBoxLayout(self.ministryGroup)
        self.ministryGroupLayout.setSpacing(4)
        self.ministryGroupLayout.setObjectName(u"ministryGroupLayout")
        self.ministryGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.ministryLabel = QLabel(self.ministryGroup)
        self.ministryLabel.setObjectName(u"ministryLabel")

        self.ministryGroupLayout.addWidget(self.ministryLabel)

        self.ministryCombo = QComboBox(self.ministryGroup)
        self.ministryCombo.setObjectName(u"ministryCombo")
        self.ministryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ministryCombo.setMinimumContentsLength(6)
        sizePolicy1.setHeightForWidth(self.ministryCombo.sizePolicy().hasHeightForWidth())
        self.ministryCombo.setSizePolicy(sizePolicy1)

        self.ministryGroupLayout.addWidget(self.ministryCombo)

        self.involvedCombo = QComboBox(self.ministryGroup)
        self.involvedCombo.setObjectName(u"involvedCombo")
        self.involvedCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.involvedCombo.setMinimumContentsLength(0)
        sizePolicy1.setHeightForWidth(self.involvedCombo.sizePolicy().hasHeightForWidth())
        self.involvedCombo.setSizePolicy(sizePolicy1)

        self.ministryGroupLayout.addWidget(self.involvedCombo)

        self.optionsGroup = QWidget(FilterBar)
        self.optionsGroup.setObjectName(u"optionsGroup")
        sizePolicy1.setHeightForWidth(self.optionsGroup.sizePolicy().hasHeightForWidth())
        self.optionsGroup.setSizePolicy(sizePolicy1)
        self.optionsGroupLayout = QHBoxLayout(self.optionsGroup)
        self.optionsGroupLayout.setSpacing(4)
        self.optionsGroupLayout.setObjectName(u"optionsGroupLayout")
        self.optionsGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.slippedCheck = QCheckBox(self.optionsGroup)
        self.slippedCheck.setObjectName(u"slippedCheck")

        self.optionsGroupLayout.addWidget(self.slippedCheck)

        self.resetButton = QPushButton(self.optionsGroup)
        self.resetButton.setObjectName(u"resetButton")

        self.optionsGroupLayout.addWidget(self.resetButton)

        self.viewGroup = QWidget(FilterBar)
        self.viewGroup.setObjectName(u"viewGroup")
        sizePolicy1.setHeightForWidth(self.viewGroup.sizePolicy().hasHeightForWidth())
        self.viewGroup.setSizePolicy(sizePolicy1)
        self.viewGroupLayout = QHBoxLayout(self.viewGroup)
        self.viewGroupLayout.setSpacing(4)
        self.viewGroupLayout.setObjectName(u"viewGroupLayout")
        self.viewGroupLayout.setContentsMargins(0, 0, 0, 0)
        self.viewLabel = QLabel(self.viewGroup)
        self.viewLabel.setObjectName(u"viewLabel")

        self.viewGroupLayout.addWidget(self.viewLabel)

        self.viewCombo = QComboBox(self.viewGroup)
        self.viewCombo.setObjectName(u"viewCombo")
        self.viewCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.viewCombo.setMinimumContentsLength(10)
        sizePolicy1.setHeightForWidth(self.viewCombo.sizePolicy().hasHeightForWidth())
        self.viewCombo.setSizePolicy(sizePolicy1)

        self.viewGroupLayout.addWidget(self.viewCombo)

        self.saveViewButton = QPushButton(self.viewGroup)
        self.saveViewButton.setObjectName(u"saveViewButton")

        self.viewGroupLayout.addWidget(self.saveViewButton)

        self.deleteViewButton = QPushButton(self.viewGroup)
        self.deleteViewButton.setObjectName(u"deleteViewButton")

        self.viewGroupLayout.addWidget(self.deleteViewButton)

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
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("FilterBar", u"Anzahl sichtbarer Ziele", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText(QCoreApplication.translate("FilterBar", u"0 von 0 Zielen", None))
        self.categoryLabel.setText(QCoreApplication.translate("FilterBar", u"&Zielkategorie:", None))
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Zielkategorie", None))
#endif // QT_CONFIG(accessibility)
        self.themeLabel.setText(QCoreApplication.translate("FilterBar", u"Th&emenfeld:", None))
#if QT_CONFIG(accessibility)
        self.themeCombo.setAccessibleName(QCoreApplication.translate("FilterBar", u"Themenfeld", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("FilterBar", u"Stat&us:", None))
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
        self.viewLabel.setText(QCoreApplication.translate("FilterBar", u"Gespeicherte Ansi&cht:", None))
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
    # retranslateUi

