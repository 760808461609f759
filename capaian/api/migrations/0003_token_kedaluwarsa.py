import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Tokens get an expiry, a revocation time and the password's session hash at issue. Tokens issued
    before this have neither: they expire now (default) and their empty hash never matches, so scripts sign
    in again once."""

    dependencies = [
        ("api", "0002_hapus_percobaanmasuk"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="kedaluwarsa",
            field=models.DateTimeField(default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="apitoken",
            name="dicabut",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="sidik_sandi",
            field=models.CharField(default="", max_length=128),
            preserve_default=False,
        ),
    ]
