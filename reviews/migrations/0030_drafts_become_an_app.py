"""The drafts' models move to the drafts app (issue 25): only Django's picture of them leaves reviews; their
tables, rows and history stay where they are (drafts/migrations/0001_initial.py takes them over)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0029_input_translations'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='draftversion',
                name='created_by',
            ),
            migrations.RemoveField(
                model_name='draftversion',
                name='cycle',
            ),
            migrations.RemoveField(
                model_name='draftversion',
                name='export',
            ),
            migrations.RemoveField(
                model_name='draftversion',
                name='submitted_by',
            ),
            migrations.RemoveField(
                model_name='draftversion',
                name='validated_by',
            ),
            migrations.RemoveField(
                model_name='exportjob',
                name='cycle',
            ),
            migrations.RemoveField(
                model_name='exportjob',
                name='objectives',
            ),
            migrations.RemoveField(
                model_name='exportjob',
                name='requested_by',
            ),
            migrations.RemoveField(
                model_name='historicaldraftversion',
                name='export',
            ),
            migrations.RemoveField(
                model_name='historicaldraftversion',
                name='created_by',
            ),
            migrations.RemoveField(
                model_name='historicaldraftversion',
                name='cycle',
            ),
            migrations.RemoveField(
                model_name='historicaldraftversion',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicaldraftversion',
                name='submitted_by',
            ),
            migrations.RemoveField(
                model_name='historicaldraftversion',
                name='validated_by',
            ),
            migrations.RemoveField(
                model_name='historicalpublication',
                name='cycle',
            ),
            migrations.RemoveField(
                model_name='historicalpublication',
                name='history_user',
            ),
            migrations.RemoveField(
                model_name='historicalpublication',
                name='updated_by',
            ),
            migrations.RemoveField(
                model_name='publication',
                name='cycle',
            ),
            migrations.RemoveField(
                model_name='publication',
                name='updated_by',
            ),
            migrations.RemoveField(
                model_name='reportsection',
                name='cycle',
            ),
            migrations.DeleteModel(
                name='DraftComment',
            ),
            migrations.DeleteModel(
                name='DraftVersion',
            ),
            migrations.DeleteModel(
                name='ExportJob',
            ),
            migrations.DeleteModel(
                name='HistoricalDraftVersion',
            ),
            migrations.DeleteModel(
                name='HistoricalPublication',
            ),
            migrations.DeleteModel(
                name='Publication',
            ),
            migrations.DeleteModel(
                name='ReportSection',
            ),
            ],
        ),
    ]
