"""Forms for a pilot's lifecycle (create, edit, archive) and for inviting colleagues."""

from collections.abc import Iterable

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, Pilot, Role


class PilotForm(forms.ModelForm):
    """Name, gemeente (one of the user's kwartiermaker gemeenten), area and expected homes."""

    class Meta:
        model = Pilot
        fields = [
            "name",
            "gemeente",
            "neighbourhood",
            "streets",
            "description",
            "homes",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        labels = {"description": _("omschrijving van het gebied")}
        help_texts = {
            "homes": _("Verwacht aantal woningen (equivalenten) in het plangebied, ten minste 2."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, gemeenten: Iterable[Gemeente], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["gemeente"]
        field.queryset = Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten])
        field.empty_label = None if len(field.queryset) == 1 else field.empty_label
        self.fields["homes"].widget.attrs["min"] = 2

    def clean_homes(self) -> int:
        homes = self.cleaned_data["homes"]
        # The constraint pilot_homes_range: a heat network joins at least two homes.
        if not 2 <= homes <= 100_000:
            raise forms.ValidationError(_("Een warmtenet verbindt 2 tot 100.000 woningen."))
        return homes


class ArchiveForm(forms.Form):
    archive = forms.TypedChoiceField(
        choices=[("1", _("Archiveren")), ("0", _("Terugzetten"))], coerce=lambda v: v == "1"
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de collega"), max_length=254)
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.none())
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=Role.choices,
        initial=Role.GEMEENTE,
        help_text=_("Een kwartiermaker bewerkt pilots; de gemeente leest mee."),
    )

    def __init__(self, *args: object, gemeenten: Iterable[Gemeente], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["gemeente"]
        field.queryset = Gemeente.objects.filter(pk__in=[g.pk for g in gemeenten])
        field.empty_label = None if len(field.queryset) == 1 else field.empty_label


class AcceptInvitationForm(UserCreationForm):
    """A new account from an invitation: the password goes through AUTH_PASSWORD_VALIDATORS."""

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name"]
        labels = {"first_name": _("Voornaam"), "last_name": _("Achternaam")}
