# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendar_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_CalendarDialog(object):
    def setupUi(self, CalendarDialog):
        if not CalendarDialog.objectName():
            CalendarDialog.setObjectName(u"CalendarDialog")
        CalendarDialog.resize(820, 500)
        self.main_layout = QVBoxLayout(CalendarDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.body_layout = QHBoxLayout()
        self.body_layout.setSpacing(12)
        self.body_layout.setObjectName(u"body_layout")
        self.calendars_layout = QVBoxLayout()
        self.calendars_layout.setObjectName(u"calendars_layout")
        self.calendar_list_label = QLabel(CalendarDialog)
        self.calendar_list_label.setObjectName(u"calendar_list_label")

        self.calendars_layout.addWidget(self.calendar_list_label)

        self.calendar_list = QListWidget(CalendarDialog)
        self.calendar_list.setObjectName(u"calendar_list")
        self.calendar_list.setMinimumSize(QSize(230, 0))

        self.calendars_layout.addWidget(self.calendar_list)

        self.calendar_buttons = QHBoxLayout()
        self.calendar_buttons.setObjectName(u"calendar_buttons")
        self.add_calendar_button = QPushButton(CalendarDialog)
        self.add_calendar_button.setObjectName(u"add_calendar_button")

        self.calendar_buttons.addWidget(self.add_calendar_button)

        self.delete_calendar_button = QPushButton(CalendarDialog)
        self.delete_calendar_button.setObjectName(u"delete_calendar_button")

        self.calendar_buttons.addWidget(self.delete_calendar_button)

        self.default_button = QPushButton(CalendarDialog)
        self.default_button.setObjectName(u"default_button")

        self.calendar_buttons.addWidget(self.default_button)


        self.calendars_layout.addLayout(self.calendar_buttons)

        self.default_label = QLabel(CalendarDialog)
        self.default_label.setObjectName(u"default_label")
        self.default_label.setWordWrap(True)

        self.calendars_layout.addWidget(self.default_label)


        self.body_layout.addLayout(self.calendars_layout)

        self.details_group = QGroupBox(CalendarDialog)
        self.details_group.setObjectName(u"details_group")
        self.details_layout = QVBoxLayout(self.details_group)
        self.details_layout.setObjectName(u"details_layout")
        self.details_form = QFormLayout()
        self.details_form.setObjectName(u"details_form")
        self.name_edit_label = QLabel(self.details_group)
        self.name_edit_label.setObjectName(u"name_edit_label")

        self.details_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_edit_label)

        self.name_edit = QLineEdit(self.details_group)
        self.name_edit.setObjectName(u"name_edit")

        self.details_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.weekdays_label = QLabel(self.details_group)
        self.weekdays_label.setObjectName(u"weekdays_label")

        self.details_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.weekdays_label)

        self.weekdays_layout = QHBoxLayout()
        self.weekdays_layout.setObjectName(u"weekdays_layout")
        self.mon_check = QCheckBox(self.details_group)
        self.mon_check.setObjectName(u"mon_check")

        self.weekdays_layout.addWidget(self.mon_check)

        self.tue_check = QCheckBox(self.details_group)
        self.tue_check.setObjectName(u"tue_check")

        self.weekdays_layout.addWidget(self.tue_check)

        self.wed_check = QCheckBox(self.details_group)
        self.wed_check.setObjectName(u"wed_check")

        self.weekdays_layout.addWidget(self.wed_check)

        self.thu_check = QCheckBox(self.details_group)
        self.thu_check.setObjectName(u"thu_check")

        self.weekdays_layout.addWidget(self.thu_check)

        self.fri_check = QCheckBox(self.details_group)
        self.fri_check.setObjectName(u"fri_check")

        self.weekdays_layout.addWidget(self.fri_check)

        self.sat_check = QCheckBox(self.details_group)
        self.sat_check.setObjectName(u"sat_check")

        self.weekdays_layout.addWidget(self.sat_check)

        self.sun_check = QCheckBox(self.details_group)
        self.sun_check.setObjectName(u"sun_check")

        self.weekdays_layout.addWidget(self.sun_check)


        self.details_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.weekdays_layout)


        self.details_layout.addLayout(self.details_form)

        self.exceptions_label = QLabel(self.details_group)
        self.exceptions_label.setObjectName(u"exceptions_label")

        self.details_layout.addWidget(self.exceptions_label)

        self.exceptions_table = QTableWidget(self.details_group)
        if (self.exceptions_table.columnCount() < 4):
            self.exceptions_table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.exceptions_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.exceptions_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.exceptions_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.exceptions_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.exceptions_table.setObjectName(u"exceptions_table")
        self.exceptions_table.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.details_layout.addWidget(self.exceptions_table)

        self.exception_buttons = QHBoxLayout()
        self.exception_buttons.setObjectName(u"exception_buttons")
        self.add_exception_button = QPushButton(self.details_group)
        self.add_exception_button.setObjectName(u"add_exception_button")

        self.exception_buttons.addWidget(self.add_exception_button)

        self.remove_exception_button = QPushButton(self.details_group)
        self.remove_exception_button.setObjectName(u"remove_exception_button")

        self.exception_buttons.addWidget(self.remove_exception_button)

        self.exception_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exception_buttons.addItem(self.exception_spacer)


        self.details_layout.addLayout(self.exception_buttons)


        self.body_layout.addWidget(self.details_group)


        self.main_layout.addLayout(self.body_layout)

        self.error_label = QLabel(CalendarDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(CalendarDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.calendar_list_label.setBuddy(self.calendar_list)
        self.name_edit_label.setBuddy(self.name_edit)
        self.exceptions_label.setBuddy(self.exceptions_table)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CalendarDialog)

        QMetaObject.connectSlotsByName(CalendarDialog)
    # setupUi

    def retranslateUi(self, CalendarDialog):
        CalendarDialog.setWindowTitle(QCoreApplication.translate("CalendarDialog", u"Calendars", None))
        self.calendar_list_label.setText(QCoreApplication.translate("CalendarDialog", u"&Calendars of the plan", None))
        self.add_calendar_button.setText(QCoreApplication.translate("CalendarDialog", u"&Add", None))
        self.delete_calendar_button.setText(QCoreApplication.translate("CalendarDialog", u"De&lete", None))
        self.default_button.setText(QCoreApplication.translate("CalendarDialog", u"Make de&fault", None))
        self.details_group.setTitle(QCoreApplication.translate("CalendarDialog", u"Selected calendar", None))
        self.name_edit_label.setText(QCoreApplication.translate("CalendarDialog", u"&Name", None))
        self.weekdays_label.setText(QCoreApplication.translate("CalendarDialog", u"Working days", None))
        self.mon_check.setText(QCoreApplication.translate("CalendarDialog", u"Mon", None))
        self.tue_check.setText(QCoreApplication.translate("CalendarDialog", u"Tue", None))
        self.wed_check.setText(QCoreApplication.translate("CalendarDialog", u"Wed", None))
        self.thu_check.setText(QCoreApplication.translate("CalendarDialog", u"Thu", None))
        self.fri_check.setText(QCoreApplication.translate("CalendarDialog", u"Fri", None))
        self.sat_check.setText(QCoreApplication.translate("CalendarDialog", u"Sat", None))
        self.sun_check.setText(QCoreApplication.translate("CalendarDialog", u"Sun", None))
        self.exceptions_label.setText(QCoreApplication.translate("CalendarDialog", u"&Exceptions: holidays and closures (not worked) or make-up days (worked)", None))
        ___qtablewidgetitem = self.exceptions_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CalendarDialog", u"Name", None))
        ___qtablewidgetitem1 = self.exceptions_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CalendarDialog", u"Start", None))
        ___qtablewidgetitem2 = self.exceptions_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CalendarDialog", u"Finish", None))
        ___qtablewidgetitem3 = self.exceptions_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CalendarDialog", u"Worked", None))
        self.add_exception_button.setText(QCoreApplication.translate("CalendarDialog", u"Add e&xception", None))
        self.remove_exception_button.setText(QCoreApplication.translate("CalendarDialog", u"&Remove exception", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("CalendarDialog", u"color: #c5221f;", None))
    # retranslateUi

