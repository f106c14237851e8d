"""The drafts' models, moved from reviews (issue 25): their tables keep the names they had there (db_table),
so this migration only tells Django they are here now, and moves their content types along."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ["reportsection", "exportjob", "draftversion", "historicaldraftversion", "draftcomment", "publication",
         "historicalpublication"]


def content_types_follow(apps, schema_editor, source="reviews", target="drafts"):
    """The content types (and with them the permissions, the groups' grants and the admin log) move along."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label=source, model__in=MOVED).update(
        app_label=target
    )


def content_types_go_back(apps, schema_editor):
    content_types_follow(apps, schema_editor, source="drafts", target="reviews")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('objectives', '0013_activity_in_three_languages'),
        ('reviews', '0030_drafts_become_an_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='ExportJob',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='requested at')),
                    ('language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], default='en', max_length=8, verbose_name='language')),
                    ('include_annexes', models.BooleanField(default=True, verbose_name='include the annexes')),
                    ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=16, verbose_name='status')),
                    ('stage', models.CharField(choices=[('waiting', 'Queued: it will start shortly'), ('collecting', 'Collecting data'), ('rendering_html', 'Rendering HTML'), ('rendering_pdf', 'Rendering PDF'), ('saving', 'Saving'), ('finished', 'Finished')], default='waiting', max_length=16, verbose_name='stage')),
                    ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='progress (%)')),
                    ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                    ('error', models.TextField(blank=True, verbose_name='error')),
                    ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='started at')),
                    ('heartbeat_at', models.DateTimeField(blank=True, null=True, verbose_name='last heartbeat')),
                    ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                    ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent to the workers at')),
                    ('task_id', models.CharField(blank=True, editable=False, max_length=64, verbose_name='task')),
                    ('pdf', models.FileField(blank=True, max_length=255, upload_to='exports/', verbose_name='PDF')),
                    ('docx', models.FileField(blank=True, max_length=255, upload_to='exports/', verbose_name='DOCX')),
                    ('pdf_size', models.PositiveIntegerField(blank=True, null=True, verbose_name='PDF size (bytes)')),
                    ('pdf_pages', models.PositiveIntegerField(blank=True, null=True, verbose_name='pages')),
                    ('pdf_sha256', models.CharField(blank=True, max_length=64, verbose_name='PDF SHA-256')),
                    ('docx_size', models.PositiveIntegerField(blank=True, null=True, verbose_name='DOCX size (bytes)')),
                    ('docx_sha256', models.CharField(blank=True, max_length=64, verbose_name='DOCX SHA-256')),
                    ('source', models.FileField(blank=True, max_length=255, upload_to='exports/', verbose_name='source (HTML)')),
                    ('source_sha256', models.CharField(blank=True, max_length=64, verbose_name='source SHA-256')),
                    ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='exports', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('objectives', models.ManyToManyField(blank=True, help_text='Leave empty for all 23 objectives.', to='objectives.objective', verbose_name='objectives')),
                    ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                ],
                options={
                    'verbose_name': 'export',
                    'verbose_name_plural': 'exports',
                    'db_table': 'reviews_exportjob',
                    'ordering': ['-requested_at'],
                },
            ),
            migrations.CreateModel(
                name='DraftVersion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('number', models.PositiveSmallIntegerField(help_text='v0.1 is 1, v0.2 is 2, ...', verbose_name='number')),
                    ('status', models.CharField(choices=[('draft', 'Draft version'), ('under_review', 'Under review'), ('validated', 'Validated by the Government'), ('submitted', 'Submitted')], default='draft', max_length=16, verbose_name='status')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='marked at')),
                    ('validated_at', models.DateTimeField(blank=True, null=True, verbose_name='validated at')),
                    ('validation_reference', models.CharField(blank=True, help_text='For example, the letter or decision by which the Government validated the draft.', max_length=300, verbose_name='validation reference')),
                    ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                    ('override_reason', models.TextField(blank=True, verbose_name='reason for submitting with open checklist items')),
                    ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='marked by')),
                    ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versions', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                    ('validated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='validation recorded by')),
                    ('export', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='draft_version', to='drafts.exportjob', verbose_name='export')),
                ],
                options={
                    'verbose_name': 'draft version',
                    'verbose_name_plural': 'draft versions',
                    'db_table': 'reviews_draftversion',
                    'ordering': ['cycle', '-number'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalDraftVersion',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('number', models.PositiveSmallIntegerField(help_text='v0.1 is 1, v0.2 is 2, ...', verbose_name='number')),
                    ('status', models.CharField(choices=[('draft', 'Draft version'), ('under_review', 'Under review'), ('validated', 'Validated by the Government'), ('submitted', 'Submitted')], default='draft', max_length=16, verbose_name='status')),
                    ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='marked at')),
                    ('validated_at', models.DateTimeField(blank=True, null=True, verbose_name='validated at')),
                    ('validation_reference', models.CharField(blank=True, help_text='For example, the letter or decision by which the Government validated the draft.', max_length=300, verbose_name='validation reference')),
                    ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                    ('override_reason', models.TextField(blank=True, verbose_name='reason for submitting with open checklist items')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='marked by')),
                    ('cycle', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('export', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='drafts.exportjob', verbose_name='export')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('submitted_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                    ('validated_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='validation recorded by')),
                ],
                options={
                    'verbose_name': 'historical draft version',
                    'verbose_name_plural': 'historical draft versions',
                    'db_table': 'reviews_historicaldraftversion',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='HistoricalPublication',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('is_published', models.BooleanField(default=False, verbose_name='published')),
                    ('statuses', models.BooleanField(default=True, verbose_name='objective and action statuses, with trends')),
                    ('narratives', models.BooleanField(default=True, help_text='Only the assessments whose narratives are marked public in their editor.', verbose_name='narratives marked public')),
                    ('indicators', models.BooleanField(default=True, verbose_name='indicators and their observations')),
                    ('activities', models.BooleanField(default=True, verbose_name='activities of the reporting period')),
                    ('pledges', models.BooleanField(default=True, verbose_name='validated GCM pledges and their progress')),
                    ('draft', models.BooleanField(default=True, help_text='Only a submitted version is ever public.', verbose_name='the submitted draft (PDF)')),
                    ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('cycle', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('updated_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='updated by')),
                ],
                options={
                    'verbose_name': 'historical publication',
                    'verbose_name_plural': 'historical publications',
                    'db_table': 'reviews_historicalpublication',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Publication',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('is_published', models.BooleanField(default=False, verbose_name='published')),
                    ('statuses', models.BooleanField(default=True, verbose_name='objective and action statuses, with trends')),
                    ('narratives', models.BooleanField(default=True, help_text='Only the assessments whose narratives are marked public in their editor.', verbose_name='narratives marked public')),
                    ('indicators', models.BooleanField(default=True, verbose_name='indicators and their observations')),
                    ('activities', models.BooleanField(default=True, verbose_name='activities of the reporting period')),
                    ('pledges', models.BooleanField(default=True, verbose_name='validated GCM pledges and their progress')),
                    ('draft', models.BooleanField(default=True, help_text='Only a submitted version is ever public.', verbose_name='the submitted draft (PDF)')),
                    ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('cycle', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='publication', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='updated by')),
                ],
                options={
                    'verbose_name': 'publication',
                    'verbose_name_plural': 'publications',
                    'db_table': 'reviews_publication',
                },
            ),
            migrations.CreateModel(
                name='ReportSection',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                    ('source_language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], default='en', help_text='The language the text is written in; the others are its translations.', max_length=8, verbose_name='written in')),
                    ('made_from', models.JSONField(blank=True, default=dict, editable=False, verbose_name='translations made from')),
                    ('kind', models.CharField(choices=[('opening', 'Opening statement and highlights'), ('introduction', 'Introduction'), ('methodology', 'Methodology and process of preparing the review'), ('policy', 'Policy and enabling environment'), ('progress', 'Progress on the GCM objectives'), ('means', 'Means of implementation'), ('next_steps', 'Next steps and conclusion'), ('annexes', 'Annexes'), ('custom', 'Free text')], default='custom', max_length=16, verbose_name='kind')),
                    ('title', models.CharField(blank=True, help_text="Leave empty for the standard title, in the draft's language.", max_length=200, verbose_name='title')),
                    ('title_en', models.CharField(blank=True, help_text="Leave empty for the standard title, in the draft's language.", max_length=200, null=True, verbose_name='title')),
                    ('title_ru', models.CharField(blank=True, help_text="Leave empty for the standard title, in the draft's language.", max_length=200, null=True, verbose_name='title')),
                    ('title_be', models.CharField(blank=True, help_text="Leave empty for the standard title, in the draft's language.", max_length=200, null=True, verbose_name='title')),
                    ('body', models.TextField(blank=True, help_text='Markdown. Shown at the start of the section, before what the portal assembles.', verbose_name='text')),
                    ('body_en', models.TextField(blank=True, help_text='Markdown. Shown at the start of the section, before what the portal assembles.', null=True, verbose_name='text')),
                    ('body_ru', models.TextField(blank=True, help_text='Markdown. Shown at the start of the section, before what the portal assembles.', null=True, verbose_name='text')),
                    ('body_be', models.TextField(blank=True, help_text='Markdown. Shown at the start of the section, before what the portal assembles.', null=True, verbose_name='text')),
                    ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                    ('enabled', models.BooleanField(default=True, verbose_name='included')),
                    ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sections', to='reviews.reviewcycle', verbose_name='review cycle')),
                ],
                options={
                    'verbose_name': 'report section',
                    'verbose_name_plural': 'report sections',
                    'db_table': 'reviews_reportsection',
                    'ordering': ['cycle', 'position', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='DraftComment',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('body', models.TextField(max_length=5000, verbose_name='comment')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                    ('resolved', models.BooleanField(default=False, verbose_name='resolved')),
                    ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                    ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='drafts.draftversion', verbose_name='draft version')),
                    ('section', models.ForeignKey(blank=True, help_text='Empty: a comment on the version as a whole.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='comments', to='drafts.reportsection', verbose_name='section')),
                ],
                options={
                    'verbose_name': 'comment on a draft',
                    'verbose_name_plural': 'comments on drafts',
                    'db_table': 'reviews_draftcomment',
                    'ordering': ['version', 'created_at'],
                },
            ),
            migrations.AddConstraint(
                model_name='exportjob',
                constraint=models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='export_progress_at_most_100'),
            ),
            migrations.AddConstraint(
                model_name='draftversion',
                constraint=models.UniqueConstraint(fields=('cycle', 'number'), name='one_version_number_per_cycle'),
            ),
            migrations.AddConstraint(
                model_name='draftversion',
                constraint=models.UniqueConstraint(condition=models.Q(('status', 'submitted')), fields=('cycle',), name='one_submitted_version_per_cycle', violation_error_message='A version of this review was already submitted.'),
            ),
            ],
        ),
        migrations.RunPython(content_types_follow, content_types_go_back),
    ]
