"""NL Design System looks for plain Django forms: one place that gives every widget its class."""

from django import forms
from django.utils.translation import gettext_lazy as _

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"
CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"
# Django's own empty choice reads "- Select an option -" in English and has no Dutch catalogue.
EMPTY_CHOICE = _("Kies een optie")


def _widget_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return CHECKBOX
    if isinstance(widget, forms.Select):
        return SELECT
    if isinstance(widget, forms.Textarea):
        return TEXTAREA
    return TEXTBOX


class DesignSystemForm(forms.BaseForm):
    """Mixed into a Form or ModelForm (before it): the NL Design System class on every visible
    widget and a Dutch empty choice. Templates render the fields with `_form_field.html`."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def style_widgets(self) -> None:
        """Again after __init__ adds a field of its own; a styled widget stays as it is."""
        for field in self.fields.values():
            widget = field.widget
            if widget.is_hidden:
                continue
            classes = widget.attrs.get("class", "")
            if "utrecht-" not in classes:
                widget.attrs["class"] = f"{classes} {_widget_class(widget)}".strip()
            if isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                field.choices = [
                    ("", EMPTY_CHOICE) if value == "" else (value, label)
                    for value, label in field.choices
                ]
