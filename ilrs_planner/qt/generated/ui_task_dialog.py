# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_TaskDialog(object):
    def setupUi(self, TaskDialog):
        if not TaskDialog.objectName():
            TaskDialog.setObjectName(u"TaskDialog")
        TaskDialog.resize(560, 460)
        self.main_layout = QVBoxLayout(TaskDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.tabs = QTabWidget(TaskDialog)
        self.tabs.setObjectName(u"tabs")
        self.general_tab = QWidget()
        self.general_tab.setObjectName(u"general_tab")
        self.general_form = QFormLayout(self.general_tab)
        self.general_form.setObjectName(u"general_form")
        self.general_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_edit_label = QLabel(self.general_tab)
        self.name_edit_label.setObjectName(u"name_edit_label")

        self.general_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_edit_label)

        self.name_edit = QLineEdit(self.general_tab)
        self.name_edit.setObjectName(u"name_edit")

        self.general_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.key_edit_label = QLabel(self.general_tab)
        self.key_edit_label.setObjectName(u"key_edit_label")

        self.general_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.key_edit_label)

        self.key_edit = QLineEdit(self.general_tab)
        self.key_edit.setObjectName(u"key_edit")

        self.general_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.key_edit)

        self.kind_combo_label = QLabel(self.general_tab)
        self.kind_combo_label.setObjectName(u"kind_combo_label")

        self.general_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kind_combo_label)

        self.kind_combo = QComboBox(self.general_tab)
        self.kind_combo.setObjectName(u"kind_combo")

        self.general_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.owner_combo_label = QLabel(self.general_tab)
        self.owner_combo_label.setObjectName(u"owner_combo_label")

        self.general_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.owner_combo_label)

        self.owner_combo = QComboBox(self.general_tab)
        self.owner_combo.setObjectName(u"owner_combo")

        self.general_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.owner_combo)

        self.duration_edit_label = QLabel(self.general_tab)
        self.duration_edit_label.setObjectName(u"duration_edit_label")

        self.general_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.duration_edit_label)

        self.duration_edit = QLineEdit(self.general_tab)
        self.duration_edit.setObjectName(u"duration_edit")

        self.general_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.duration_edit)

        self.start_edit_label = QLabel(self.general_tab)
        self.start_edit_label.setObjectName(u"start_edit_label")

        self.general_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.start_edit_label)

        self.start_edit = QLineEdit(self.general_tab)
        self.start_edit.setObjectName(u"start_edit")

        self.general_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.start_edit)

        self.finish_edit_label = QLabel(self.general_tab)
        self.finish_edit_label.setObjectName(u"finish_edit_label")

        self.general_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.finish_edit_label)

        self.finish_edit = QLineEdit(self.general_tab)
        self.finish_edit.setObjectName(u"finish_edit")

        self.general_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.finish_edit)

        self.precision_combo_label = QLabel(self.general_tab)
        self.precision_combo_label.setObjectName(u"precision_combo_label")

        self.general_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.precision_combo_label)

        self.precision_combo = QComboBox(self.general_tab)
        self.precision_combo.setObjectName(u"precision_combo")

        self.general_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.precision_combo)

        self.classification_combo_label = QLabel(self.general_tab)
        self.classification_combo_label.setObjectName(u"classification_combo_label")

        self.general_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.classification_combo_label)

        self.classification_combo = QComboBox(self.general_tab)
        self.classification_combo.setObjectName(u"classification_combo")

        self.general_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.classification_combo)

        self.key_milestone_check = QCheckBox(self.general_tab)
        self.key_milestone_check.setObjectName(u"key_milestone_check")

        self.general_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.key_milestone_check)

        self.tabs.addTab(self.general_tab, "")
        self.dates_tab = QWidget()
        self.dates_tab.setObjectName(u"dates_tab")
        self.dates_form = QFormLayout(self.dates_tab)
        self.dates_form.setObjectName(u"dates_form")
        self.dates_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.constraint_combo_label = QLabel(self.dates_tab)
        self.constraint_combo_label.setObjectName(u"constraint_combo_label")

        self.dates_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.constraint_combo_label)

        self.constraint_combo = QComboBox(self.dates_tab)
        self.constraint_combo.setObjectName(u"constraint_combo")

        self.dates_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.constraint_combo)

        self.constraint_date_edit_label = QLabel(self.dates_tab)
        self.constraint_date_edit_label.setObjectName(u"constraint_date_edit_label")

        self.dates_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.constraint_date_edit_label)

        self.constraint_date_edit = QLineEdit(self.dates_tab)
        self.constraint_date_edit.setObjectName(u"constraint_date_edit")

        self.dates_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.constraint_date_edit)

        self.deadline_edit_label = QLabel(self.dates_tab)
        self.deadline_edit_label.setObjectName(u"deadline_edit_label")

        self.dates_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deadline_edit_label)

        self.deadline_edit = QLineEdit(self.dates_tab)
        self.deadline_edit.setObjectName(u"deadline_edit")

        self.dates_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deadline_edit)

        self.actual_start_edit_label = QLabel(self.dates_tab)
        self.actual_start_edit_label.setObjectName(u"actual_start_edit_label")

        self.dates_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.actual_start_edit_label)

        self.actual_start_edit = QLineEdit(self.dates_tab)
        self.actual_start_edit.setObjectName(u"actual_start_edit")

        self.dates_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.actual_start_edit)

        self.actual_finish_edit_label = QLabel(self.dates_tab)
        self.actual_finish_edit_label.setObjectName(u"actual_finish_edit_label")

        self.dates_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.actual_finish_edit_label)

        self.actual_finish_edit = QLineEdit(self.dates_tab)
        self.actual_finish_edit.setObjectName(u"actual_finish_edit")

        self.dates_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.actual_finish_edit)

        self.percent_spin_label = QLabel(self.dates_tab)
        self.percent_spin_label.setObjectName(u"percent_spin_label")

        self.dates_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.percent_spin_label)

        self.percent_spin = QSpinBox(self.dates_tab)
        self.percent_spin.setObjectName(u"percent_spin")
        self.percent_spin.setMinimum(0)
        self.percent_spin.setMaximum(100)

        self.dates_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.percent_spin)

        self.calendar_combo_label = QLabel(self.dates_tab)
        self.calendar_combo_label.setObjectName(u"calendar_combo_label")

        self.dates_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.calendar_combo_label)

        self.calendar_combo = QComboBox(self.dates_tab)
        self.calendar_combo.setObjectName(u"calendar_combo")

        self.dates_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.calendar_combo)

        self.elapsed_check = QCheckBox(self.dates_tab)
        self.elapsed_check.setObjectName(u"elapsed_check")

        self.dates_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.elapsed_check)

        self.tabs.addTab(self.dates_tab, "")
        self.estimates_tab = QWidget()
        self.estimates_tab.setObjectName(u"estimates_tab")
        self.estimates_form = QFormLayout(self.estimates_tab)
        self.estimates_form.setObjectName(u"estimates_form")
        self.estimates_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.optimistic_edit_label = QLabel(self.estimates_tab)
        self.optimistic_edit_label.setObjectName(u"optimistic_edit_label")

        self.estimates_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.optimistic_edit_label)

        self.optimistic_edit = QLineEdit(self.estimates_tab)
        self.optimistic_edit.setObjectName(u"optimistic_edit")

        self.estimates_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.optimistic_edit)

        self.most_likely_edit_label = QLabel(self.estimates_tab)
        self.most_likely_edit_label.setObjectName(u"most_likely_edit_label")

        self.estimates_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.most_likely_edit_label)

        self.most_likely_edit = QLineEdit(self.estimates_tab)
        self.most_likely_edit.setObjectName(u"most_likely_edit")

        self.estimates_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.most_likely_edit)

        self.pessimistic_edit_label = QLabel(self.estimates_tab)
        self.pessimistic_edit_label.setObjectName(u"pessimistic_edit_label")

        self.estimates_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pessimistic_edit_label)

        self.pessimistic_edit = QLineEdit(self.estimates_tab)
        self.pessimistic_edit.setObjectName(u"pessimistic_edit")

        self.estimates_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pessimistic_edit)

        self.tabs.addTab(self.estimates_tab, "")
        self.links_tab = QWidget()
        self.links_tab.setObjectName(u"links_tab")
        self.links_layout = QVBoxLayout(self.links_tab)
        self.links_layout.setObjectName(u"links_layout")
        self.links_hint = QLabel(self.links_tab)
        self.links_hint.setObjectName(u"links_hint")
        self.links_hint.setWordWrap(True)

        self.links_layout.addWidget(self.links_hint)

        self.links_table = QTableWidget(self.links_tab)
        if (self.links_table.columnCount() < 3):
            self.links_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.links_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.links_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.links_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.links_table.setObjectName(u"links_table")
        self.links_table.setColumnCount(3)
        self.links_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.links_layout.addWidget(self.links_table)

        self.links_buttons = QHBoxLayout()
        self.links_buttons.setObjectName(u"links_buttons")
        self.add_link_button = QPushButton(self.links_tab)
        self.add_link_button.setObjectName(u"add_link_button")

        self.links_buttons.addWidget(self.add_link_button)

        self.remove_link_button = QPushButton(self.links_tab)
        self.remove_link_button.setObjectName(u"remove_link_button")

        self.links_buttons.addWidget(self.remove_link_button)

        self.links_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.links_buttons.addItem(self.links_spacer)


        self.links_layout.addLayout(self.links_buttons)

        self.tabs.addTab(self.links_tab, "")
        self.notes_tab = QWidget()
        self.notes_tab.setObjectName(u"notes_tab")
        self.notes_form = QFormLayout(self.notes_tab)
        self.notes_form.setObjectName(u"notes_form")
        self.source_label = QLabel(self.notes_tab)
        self.source_label.setObjectName(u"source_label")

        self.notes_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_edit = QLineEdit(self.notes_tab)
        self.source_edit.setObjectName(u"source_edit")

        self.notes_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.source_edit)

        self.notes_label = QLabel(self.notes_tab)
        self.notes_label.setObjectName(u"notes_label")

        self.notes_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(self.notes_tab)
        self.notes_edit.setObjectName(u"notes_edit")

        self.notes_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notes_edit)

        self.tabs.addTab(self.notes_tab, "")

        self.main_layout.addWidget(self.tabs)

        self.error_label = QLabel(TaskDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(TaskDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_edit_label.setBuddy(self.name_edit)
        self.key_edit_label.setBuddy(self.key_edit)
        self.kind_combo_label.setBuddy(self.kind_combo)
        self.owner_combo_label.setBuddy(self.owner_combo)
        self.duration_edit_label.setBuddy(self.duration_edit)
        self.start_edit_label.setBuddy(self.start_edit)
        self.finish_edit_label.setBuddy(self.finish_edit)
        self.precision_combo_label.setBuddy(self.precision_combo)
        self.classification_combo_label.setBuddy(self.classification_combo)
        self.constraint_combo_label.setBuddy(self.constraint_combo)
        self.constraint_date_edit_label.setBuddy(self.constraint_date_edit)
        self.deadline_edit_label.setBuddy(self.deadline_edit)
        self.actual_start_edit_label.setBuddy(self.actual_start_edit)
        self.actual_finish_edit_label.setBuddy(self.actual_finish_edit)
        self.percent_spin_label.setBuddy(self.percent_spin)
        self.calendar_combo_label.setBuddy(self.calendar_combo)
        self.optimistic_edit_label.setBuddy(self.optimistic_edit)
        self.most_likely_edit_label.setBuddy(self.most_likely_edit)
        self.pessimistic_edit_label.setBuddy(self.pessimistic_edit)
        self.source_label.setBuddy(self.source_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TaskDialog)

        QMetaObject.connectSlotsByName(TaskDialog)
    # setupUi

    def retranslateUi(self, TaskDialog):
        TaskDialog.setWindowTitle(QCoreApplication.translate("TaskDialog", u"Task details", None))
        self.name_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Name", None))
        self.key_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Key", None))
        self.kind_combo_label.setText(QCoreApplication.translate("TaskDialog", u"K&ind", None))
        self.owner_combo_label.setText(QCoreApplication.translate("TaskDialog", u"&Owner", None))
        self.duration_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Duration", None))
#if QT_CONFIG(tooltip)
        self.duration_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"As in the table's Duration column: 5d, 5 days, 2w, 3mo, 1y, 16h; 7ed for seven calendar days", None))
#endif // QT_CONFIG(tooltip)
        self.duration_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"5d, 2w, 3mo, 7ed", None))
        self.start_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Start", None))
#if QT_CONFIG(tooltip)
        self.start_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"As in the table's Start column: a start typed becomes Start No Earlier Than that day (a manual task starts there)", None))
#endif // QT_CONFIG(tooltip)
        self.start_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"2030-06-01, Q3 2029, 2035", None))
        self.finish_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Finish", None))
#if QT_CONFIG(tooltip)
        self.finish_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"As in the table's Finish column: the last day of work; the duration becomes what reaches it", None))
#endif // QT_CONFIG(tooltip)
        self.finish_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"2030-06-30, 2031", None))
        self.precision_combo_label.setText(QCoreApplication.translate("TaskDialog", u"Date &precision", None))
#if QT_CONFIG(tooltip)
        self.precision_combo.setToolTip(QCoreApplication.translate("TaskDialog", u"How precisely the dates were announced: '2035' is not 1 January 2035", None))
#endif // QT_CONFIG(tooltip)
        self.classification_combo_label.setText(QCoreApplication.translate("TaskDialog", u"C&lassification", None))
#if QT_CONFIG(tooltip)
        self.classification_combo.setToolTip(QCoreApplication.translate("TaskDialog", u"Who may see this task when the plan is shared", None))
#endif // QT_CONFIG(tooltip)
        self.key_milestone_check.setText(QCoreApplication.translate("TaskDialog", u"Key &milestone", None))
#if QT_CONFIG(tooltip)
        self.key_milestone_check.setToolTip(QCoreApplication.translate("TaskDialog", u"A date the programme is judged by: drawn larger, with a labelled key-date line and its slip", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.general_tab), QCoreApplication.translate("TaskDialog", u"General", None))
        self.constraint_combo_label.setText(QCoreApplication.translate("TaskDialog", u"&Constraint", None))
        self.constraint_date_edit_label.setText(QCoreApplication.translate("TaskDialog", u"Constraint &date", None))
        self.constraint_date_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"2029, 2029-06, Q3 2029 or 2029-06-15; empty for none", None))
        self.deadline_edit_label.setText(QCoreApplication.translate("TaskDialog", u"Dead&line", None))
        self.deadline_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"2029, 2029-06, Q3 2029 or 2029-06-15; empty for none", None))
        self.actual_start_edit_label.setText(QCoreApplication.translate("TaskDialog", u"Actual &start", None))
        self.actual_start_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"YYYY-MM-DD when it happened; empty if not yet", None))
        self.actual_finish_edit_label.setText(QCoreApplication.translate("TaskDialog", u"Actual &finish", None))
        self.actual_finish_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"YYYY-MM-DD when it ended; empty if not yet", None))
        self.percent_spin_label.setText(QCoreApplication.translate("TaskDialog", u"% co&mplete", None))
        self.percent_spin.setSuffix(QCoreApplication.translate("TaskDialog", u" %", None))
        self.calendar_combo_label.setText(QCoreApplication.translate("TaskDialog", u"Calenda&r", None))
#if QT_CONFIG(tooltip)
        self.calendar_combo.setToolTip(QCoreApplication.translate("TaskDialog", u"The working days the task's duration and incoming lags count (Plan \u2192 Calendars\u2026)", None))
#endif // QT_CONFIG(tooltip)
        self.elapsed_check.setText(QCoreApplication.translate("TaskDialog", u"&Elapsed duration: count every calendar day, whatever the calendar", None))
#if QT_CONFIG(tooltip)
        self.elapsed_check.setToolTip(QCoreApplication.translate("TaskDialog", u"As MS Project's elapsed days (edays): weekends and holidays count too", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.dates_tab), QCoreApplication.translate("TaskDialog", u"Dates", None))
        self.optimistic_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Optimistic", None))
#if QT_CONFIG(tooltip)
        self.optimistic_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"As the Duration field: 5d, 2w, 3mo, 1y, 16h (7ed on a task with an elapsed duration); empty: not estimated", None))
#endif // QT_CONFIG(tooltip)
        self.optimistic_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"not estimated", None))
        self.most_likely_edit_label.setText(QCoreApplication.translate("TaskDialog", u"Most &likely", None))
#if QT_CONFIG(tooltip)
        self.most_likely_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"As the Duration field: 5d, 2w, 3mo, 1y, 16h (7ed on a task with an elapsed duration); empty: not estimated", None))
#endif // QT_CONFIG(tooltip)
        self.most_likely_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"not estimated", None))
        self.pessimistic_edit_label.setText(QCoreApplication.translate("TaskDialog", u"&Pessimistic", None))
#if QT_CONFIG(tooltip)
        self.pessimistic_edit.setToolTip(QCoreApplication.translate("TaskDialog", u"As the Duration field: 5d, 2w, 3mo, 1y, 16h (7ed on a task with an elapsed duration); empty: not estimated", None))
#endif // QT_CONFIG(tooltip)
        self.pessimistic_edit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"not estimated", None))
        self.tabs.setTabText(self.tabs.indexOf(self.estimates_tab), QCoreApplication.translate("TaskDialog", u"Estimates", None))
        self.links_hint.setText(QCoreApplication.translate("TaskDialog", u"Tasks this one depends on. Lag as in the Predecessors column: +3d, -1d (a lead), 4h, 2ed.", None))
        ___qtablewidgetitem = self.links_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("TaskDialog", u"Predecessor", None))
        ___qtablewidgetitem1 = self.links_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("TaskDialog", u"Type", None))
        ___qtablewidgetitem2 = self.links_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("TaskDialog", u"Lag", None))
        self.add_link_button.setText(QCoreApplication.translate("TaskDialog", u"&Add predecessor", None))
        self.remove_link_button.setText(QCoreApplication.translate("TaskDialog", u"&Remove", None))
        self.tabs.setTabText(self.tabs.indexOf(self.links_tab), QCoreApplication.translate("TaskDialog", u"Links", None))
        self.source_label.setText(QCoreApplication.translate("TaskDialog", u"&Source URL", None))
        self.notes_label.setText(QCoreApplication.translate("TaskDialog", u"No&tes", None))
        self.tabs.setTabText(self.tabs.indexOf(self.notes_tab), QCoreApplication.translate("TaskDialog", u"Source and notes", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("TaskDialog", u"color: #c5221f;", None))
    # retranslateUi

