import factory
from django.contrib.auth.models import User

from pilots.models import BuildingType, Gemeente, Household, Membership, Phase, Pilot, Role

PASSWORD = "test-wachtwoord-2026"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Gemeente {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save()


class MemberFactory(UserFactory):
    """A user with one membership: MemberFactory(gemeente=utrecht, role=Role.GEMEENTE)."""

    class Params:
        gemeente = factory.SubFactory(GemeenteFactory)
        role = Role.KWARTIERMAKER

    membership = factory.RelatedFactory(
        "tests.factories.MembershipFactory",
        factory_related_name="user",
        gemeente=factory.SelfAttribute("..gemeente"),
        role=factory.SelfAttribute("..role"),
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    gemeente = factory.SubFactory(GemeenteFactory)
    role = Role.KWARTIERMAKER


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pilot

    name = factory.Sequence(lambda n: f"Pilot {n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    neighbourhood = "Oudwijk"
    streets = "Kennedylaan"
    # The seed deck's Utrecht kopgroep: six pilots with up to 150 homes, about 25 each.
    homes = 25
    phase = Phase.KWARTIERMAKEN
    technique = "Bodemlus, cluster"


class HouseholdFactory(factory.django.DjangoModelFactory):
    """A 1930s mid-terrace house (CBS tussenwoning) using 1,350 m³ gas a year."""

    class Meta:
        model = Household

    pilot = factory.SubFactory(PilotFactory)
    street = "Oudwijkerdwarsstraat"
    house_number = factory.Sequence(lambda n: n + 1)
    postcode = "3581LJ"
    building_type = BuildingType.MID_TERRACE
    construction_year = 1932
    floor_area_m2 = 95
    energy_label = "D"
    gas_m3_per_year = 1350
