"""The borehole fields are sized with g-functions (issue 15): two ground parameters moved to the
new "ground" group, and the rule-of-thumb parameters of the old method are gone."""

from django.db import migrations

RENAMED = {
    "heat_pump.ground_temp_c": "ground.undisturbed_temp_c",
    "heat_pump.borehole_design_fluid_temp_c": "ground.min_fluid_temp_c",
}
REMOVED = ("sizing.borehole_w_per_m", "sizing.borehole_max_kwh_per_m", "sizing.pvt_buffer_share")


def forwards(apps, schema_editor):
    override = apps.get_model("pilots", "ParameterOverride")
    for old, new in RENAMED.items():
        override.objects.filter(key=old).update(key=new)
    override.objects.filter(key__in=REMOVED).delete()


def backwards(apps, schema_editor):
    override = apps.get_model("pilots", "ParameterOverride")
    for old, new in RENAMED.items():
        override.objects.filter(key=new).update(key=old)


class Migration(migrations.Migration):
    dependencies = [("pilots", "0007_generated_reports")]
    operations = [migrations.RunPython(forwards, backwards)]
