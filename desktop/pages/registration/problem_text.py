"""Problem codes from the form engine -> one sentence in the clerk's interface language.

The form's own constraint or required message (already in the form language) wins when it has one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from forms.engine import Problem


def problem_text(problem: Problem) -> str:
    params = problem.params
    own_message = params.get("message")
    if problem.code in ("constraint", "required") and isinstance(own_message, str) and own_message:
        return own_message
    code = problem.code
    if code == "required":
        return QCoreApplication.translate("ProblemText", "This answer is required.")
    if code == "constraint":
        return QCoreApplication.translate("ProblemText", "This answer is not allowed here.")
    if code == "type_integer":
        return QCoreApplication.translate("ProblemText", "Type a whole number, for example 42.")
    if code == "type_decimal":
        return QCoreApplication.translate("ProblemText", "Type a number, for example 3.5.")
    if code == "type_date":
        return QCoreApplication.translate("ProblemText", "Type a date as YYYY-MM-DD or DD/MM/YYYY.")
    if code == "type_datetime":
        return QCoreApplication.translate("ProblemText", "Type a date and time as YYYY-MM-DD HH:MM.")
    if code == "type_time":
        return QCoreApplication.translate("ProblemText", "Type a time as HH:MM.")
    if code == "type_geopoint":
        return QCoreApplication.translate(
            "ProblemText", "Type the latitude and longitude in degrees, for example 6.3 and -10.8."
        )
    if code == "geopoint_bounds":
        return QCoreApplication.translate(
            "ProblemText",
            "A latitude goes from -90 to 90 and a longitude from -180 to 180; the accuracy is not negative.",
        )
    if code in ("type_geotrace", "type_geoshape"):
        return QCoreApplication.translate(
            "ProblemText", "Type one point per line (latitude longitude); a line needs 2 points, an area 3."
        )
    if code == "type_attachment":
        return QCoreApplication.translate("ProblemText", "Attach the file again with the button.")
    if code == "type_text":
        return QCoreApplication.translate("ProblemText", "Type text here.")
    if code == "not_a_choice":
        return QCoreApplication.translate("ProblemText", "“%1” is not one of the choices.").replace(
            "%1", str(params.get("value", ""))
        )
    if code == "out_of_range":
        return (
            QCoreApplication.translate("ProblemText", "Choose a value from %1 to %2.")
            .replace("%1", _number(params.get("minimum")))
            .replace("%2", _number(params.get("maximum")))
        )
    if code.startswith(("date_", "phone_")):
        return _typed_text(code, params)
    if code == "read_only":
        return QCoreApplication.translate("ProblemText", "This answer is calculated and cannot be typed.")
    if code == "not_relevant":
        return QCoreApplication.translate("ProblemText", "This answer does not apply to this person.")
    return QCoreApplication.translate("ProblemText", "This answer cannot be used.")


def _typed_text(code: str, params: dict[str, object]) -> str:
    """Dates and phones typed in a readable layout but wrong: say what is wrong, not the layout."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ProblemText", text)

    country_code = str(params.get("code", ""))
    if code == "date_no_such_day":
        month = QLocale().standaloneMonthName(int(str(params.get("month", 1))))
        return (
            tr("%1 %2 has only %3 days.")
            .replace("%1", month[:1].upper() + month[1:])
            .replace("%2", str(params.get("year", "")))
            .replace("%3", str(params.get("last", "")))
        )
    if code == "date_no_such_month":
        return tr("There is no month %1: months go from 1 to 12 (DD/MM/YYYY).").replace(
            "%1", str(params.get("month", ""))
        )
    if code == "phone_no_country_code":
        return tr("Type + and the country code first (+1 612 555 0147), or choose the country of residence.")
    if code == "phone_unknown_country_code":
        return tr("+%1 is not a country code.").replace("%1", country_code)
    if code == "phone_too_short":
        return tr("Too few digits for a phone number with the country code +%1.").replace("%1", country_code)
    if code == "phone_too_long":
        return tr("Too many digits for a phone number with the country code +%1.").replace("%1", country_code)
    if code == "phone_not_valid":
        return tr("No phone number with the country code +%1 has so many digits.").replace("%1", country_code)
    return tr("Type digits only, with + and the country code in front; spaces and dashes are fine.")


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
