from django import template

from juridisch.rules import RegimeCheck
from juridisch.text_catalog import translate

register = template.Library()


@register.filter
def wcw(text: str, check: RegimeCheck | None = None) -> str:
    """A Dutch text of juridisch/texts.py in the active language.

    Pass the regime check for texts filled with its thresholds: ``{{ reason.text|wcw:check }}``.
    """
    return translate(text, check.text_params if check else ())
