"""The call for inputs' models, moved from reviews (issue 25): their tables keep the names they had there
(db_table), so this migration tells Django they are here now and moves their content types along."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import inputs.models.contributions
import inputs.models.inputs
import uncnm_portal.validators

MOVED = [
    "assignment",
    "input",
    "historicalinput",
    "historicalinput_actions",
    "evidence",
    "reminder",
    "consultation",
    "consultationparticipants",
    "writtencontribution",
    "inputtranslation",
]
# django-simple-history names the table of a many-to-many field's history after the app, not the model's table.
M2M_HISTORY = ("reviews_historicalinput_actions", "inputs_historicalinput_actions")


def take_over(apps, schema_editor, source="reviews", target="inputs", tables=M2M_HISTORY):
    """The content types (and with them the permissions, the groups' grants and the admin log) move along,
    and the history of the inputs' actions takes the table name the app gives it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label=source, model__in=MOVED).update(
        app_label=target
    )
    schema_editor.alter_db_table(apps.get_model("inputs", "HistoricalInput_actions"), *tables)


def give_back(apps, schema_editor):
    take_over(apps, schema_editor, source="inputs", target="reviews", tables=M2M_HISTORY[::-1])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('objectives', '0013_activity_in_three_languages'),
        ('reviews', '0031_inputs_become_an_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('stakeholders', '0008_time_zone'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='Assignment',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('role', models.CharField(choices=[('lead', 'Lead'), ('contributing', 'Contributing')], default='lead', max_length=16, verbose_name='role')),
                    ('deadline', models.DateField(validators=[uncnm_portal.validators.validate_plausible_date], verbose_name='deadline')),
                    ('extended_deadline', models.DateField(blank=True, help_text='Set to accept a submission after the deadline.', null=True, validators=[uncnm_portal.validators.validate_plausible_date], verbose_name='extended deadline')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                    ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('focal_point', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assignments', to=settings.AUTH_USER_MODEL, verbose_name='focal point')),
                    ('objective', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assignments', to='objectives.objective', verbose_name='objective')),
                    ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assignments', to='stakeholders.organisation', verbose_name='organisation')),
                ],
                options={
                    'verbose_name': 'assignment',
                    'verbose_name_plural': 'assignments',
                    'db_table': 'reviews_assignment',
                    'ordering': ['cycle', 'objective__number', 'organisation__name'],
                },
            ),
            migrations.CreateModel(
                name='Consultation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                    ('source_language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], default='en', help_text='The language the text is written in; the others are its translations.', max_length=8, verbose_name='written in')),
                    ('made_from', models.JSONField(blank=True, default=dict, editable=False, verbose_name='translations made from')),
                    ('title', models.CharField(max_length=300, verbose_name='title')),
                    ('title_en', models.CharField(max_length=300, null=True, verbose_name='title')),
                    ('title_ru', models.CharField(max_length=300, null=True, verbose_name='title')),
                    ('title_be', models.CharField(max_length=300, null=True, verbose_name='title')),
                    ('held_on', models.DateField(validators=[uncnm_portal.validators.validate_plausible_date], verbose_name='date')),
                    ('format', models.CharField(choices=[('workshop', 'Workshop'), ('hearing', 'Hearing'), ('written_call', 'Written call for contributions'), ('survey', 'Online survey'), ('bilateral', 'Bilateral meeting'), ('other', 'Other format')], max_length=16, verbose_name='format')),
                    ('key_messages', models.TextField(blank=True, help_text='What participants said; Markdown. Printed in the draft.', verbose_name='key messages')),
                    ('key_messages_en', models.TextField(blank=True, help_text='What participants said; Markdown. Printed in the draft.', null=True, verbose_name='key messages')),
                    ('key_messages_ru', models.TextField(blank=True, help_text='What participants said; Markdown. Printed in the draft.', null=True, verbose_name='key messages')),
                    ('key_messages_be', models.TextField(blank=True, help_text='What participants said; Markdown. Printed in the draft.', null=True, verbose_name='key messages')),
                    ('women', models.PositiveIntegerField(blank=True, null=True, verbose_name='women')),
                    ('men', models.PositiveIntegerField(blank=True, null=True, verbose_name='men')),
                    ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                    ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultations', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('objectives', models.ManyToManyField(blank=True, help_text='Leave empty for a consultation on the review as a whole.', related_name='+', to='objectives.objective', verbose_name='objectives discussed')),
                    ('organiser', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stakeholders.organisation', verbose_name='organiser')),
                ],
                options={
                    'verbose_name': 'consultation',
                    'verbose_name_plural': 'consultations',
                    'db_table': 'reviews_consultation',
                    'ordering': ['cycle', 'held_on', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='ConsultationParticipants',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('government', 'Government bodies'), ('parliament', 'Parliament'), ('local_authority', 'Local authorities'), ('nhri', 'National human rights institution'), ('migrants', 'Migrants and migrant associations'), ('civil_society', 'Civil society'), ('trade_union', 'Trade unions'), ('employers', 'Employers and the private sector'), ('academia', 'Academia'), ('un_international', 'UN and international organisations'), ('media', 'Media'), ('other', 'Others')], max_length=20, verbose_name='kind of stakeholder')),
                    ('count', models.PositiveIntegerField(verbose_name='participants')),
                    ('consultation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='inputs.consultation', verbose_name='consultation')),
                ],
                options={
                    'verbose_name': 'participants of a consultation',
                    'verbose_name_plural': 'participants of consultations',
                    'db_table': 'reviews_consultationparticipants',
                    'ordering': ['consultation', 'kind'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalInput',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                    ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('returned', 'Returned for changes'), ('accepted', 'Accepted')], default='draft', max_length=16, verbose_name='status')),
                    ('measures', models.TextField(blank=True, verbose_name='measures taken')),
                    ('results', models.TextField(blank=True, verbose_name='results')),
                    ('challenges', models.TextField(blank=True, verbose_name='challenges')),
                    ('good_practices', models.TextField(blank=True, verbose_name='good practices')),
                    ('data_sources', models.TextField(blank=True, verbose_name='data and sources')),
                    ('source_language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], default='en', help_text='The language the texts are written in; translations into the others may be added.', max_length=8, verbose_name='language of the texts')),
                    ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated at')),
                    ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                    ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed at')),
                    ('return_comment', models.TextField(blank=True, verbose_name='comment of the secretariat')),
                    ('draft_use', models.JSONField(blank=True, default=dict, help_text='Per part of the input: quoted in the chapter, in the annex only, or left out.', verbose_name='use in the draft')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.CharField(max_length=100, null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('assignment', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='inputs.assignment', verbose_name='assignment')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                    ('submitted_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                ],
                options={
                    'verbose_name': 'historical input',
                    'verbose_name_plural': 'historical inputs',
                    'db_table': 'reviews_historicalinput',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Input',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                    ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('returned', 'Returned for changes'), ('accepted', 'Accepted')], default='draft', max_length=16, verbose_name='status')),
                    ('measures', models.TextField(blank=True, verbose_name='measures taken')),
                    ('results', models.TextField(blank=True, verbose_name='results')),
                    ('challenges', models.TextField(blank=True, verbose_name='challenges')),
                    ('good_practices', models.TextField(blank=True, verbose_name='good practices')),
                    ('data_sources', models.TextField(blank=True, verbose_name='data and sources')),
                    ('source_language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], default='en', help_text='The language the texts are written in; translations into the others may be added.', max_length=8, verbose_name='language of the texts')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                    ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed at')),
                    ('return_comment', models.TextField(blank=True, verbose_name='comment of the secretariat')),
                    ('draft_use', models.JSONField(blank=True, default=dict, help_text='Per part of the input: quoted in the chapter, in the annex only, or left out.', verbose_name='use in the draft')),
                    ('actions', models.ManyToManyField(blank=True, related_name='inputs', to='objectives.action', verbose_name='actions concerned')),
                    ('assignment', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='input', to='inputs.assignment', verbose_name='assignment')),
                    ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                    ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                ],
                options={
                    'verbose_name': 'input',
                    'verbose_name_plural': 'inputs',
                    'db_table': 'reviews_input',
                    'ordering': ['assignment__cycle', 'assignment__objective__number'],
                },
            ),
            migrations.CreateModel(
                name='HistoricalInput_actions',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('action', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='objectives.action')),
                    ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='inputs.historicalinput')),
                    ('input', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='inputs.input')),
                ],
                options={
                    'verbose_name': 'HistoricalInput_actions',
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Evidence',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('file', models.FileField(max_length=255, upload_to=inputs.models.inputs.evidence_path, verbose_name='file')),
                    ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                    ('extension', models.CharField(max_length=8, verbose_name='type')),
                    ('content_type', models.CharField(max_length=100, verbose_name='content type')),
                    ('size', models.PositiveIntegerField(verbose_name='size (bytes)')),
                    ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                    ('sha256', models.CharField(blank=True, editable=False, max_length=64, verbose_name='SHA-256')),
                    ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('input', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='inputs.input', verbose_name='input')),
                ],
                options={
                    'verbose_name': 'evidence file',
                    'verbose_name_plural': 'evidence files',
                    'db_table': 'reviews_evidence',
                    'ordering': ['uploaded_at'],
                },
            ),
            migrations.AddField(
                model_name='consultation',
                name='inputs',
                field=models.ManyToManyField(blank=True, help_text='Inputs that were discussed at or came out of the consultation.', related_name='consultations', to='inputs.input', verbose_name='related inputs'),
            ),
            migrations.CreateModel(
                name='InputTranslation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], max_length=8, verbose_name='language')),
                    ('text', models.TextField(verbose_name='translation')),
                    ('source_fingerprint', models.CharField(max_length=64, verbose_name='made from')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('field', models.CharField(choices=[('measures', 'measures'), ('results', 'results'), ('challenges', 'challenges'), ('good_practices', 'good_practices'), ('data_sources', 'data_sources')], max_length=32, verbose_name='text')),
                    ('input', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='inputs.input', verbose_name='input')),
                    ('updated_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='updated by')),
                ],
                options={
                    'verbose_name': 'translation of an input',
                    'verbose_name_plural': 'translations of inputs',
                    'db_table': 'reviews_inputtranslation',
                },
            ),
            migrations.CreateModel(
                name='Reminder',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('7d', '7 days before the deadline'), ('1d', '1 day before the deadline'), ('overdue', 'Overdue')], max_length=8, verbose_name='kind')),
                    ('deadline', models.DateField(help_text='The deadline the reminder was about.', verbose_name='deadline')),
                    ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent at')),
                    ('assignment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='inputs.assignment')),
                ],
                options={
                    'verbose_name': 'reminder',
                    'verbose_name_plural': 'reminders',
                    'db_table': 'reviews_reminder',
                },
            ),
            migrations.CreateModel(
                name='WrittenContribution',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('contact_name', models.CharField(max_length=200, verbose_name='contact person')),
                    ('contact_email', models.EmailField(max_length=254, verbose_name='e-mail')),
                    ('language', models.CharField(choices=[('en', 'English'), ('ru', 'Russian'), ('be', 'Belarusian')], default='en', max_length=8, verbose_name='language of the invitation')),
                    ('token', models.CharField(default=inputs.models.contributions.new_token, editable=False, max_length=64, unique=True)),
                    ('open_until', models.DateField(help_text='The link works until this day; empty: until the input window closes.', validators=[uncnm_portal.validators.validate_plausible_date], verbose_name='open until')),
                    ('status', models.CharField(choices=[('invited', 'Invited'), ('submitted', 'Submitted'), ('accepted', 'Accepted'), ('declined', 'Not taken up')], default='invited', max_length=16, verbose_name='status')),
                    ('title', models.CharField(blank=True, max_length=300, verbose_name='title')),
                    ('text', models.TextField(blank=True, help_text='Markdown: **bold**, *italic*, lists, links.', verbose_name='contribution')),
                    ('consent_to_cite', models.BooleanField(default=False, verbose_name='the review may cite this contribution and name our organisation')),
                    ('consent_to_publish', models.BooleanField(default=False, verbose_name='the review may publish this contribution in full in its annex')),
                    ('in_annex', models.BooleanField(default=False, verbose_name='printed in the annex')),
                    ('moderation_note', models.TextField(blank=True, verbose_name='note of the secretariat')),
                    ('invited_at', models.DateTimeField(auto_now_add=True, verbose_name='invited at')),
                    ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                    ('reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='reviewed at')),
                    ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='written_contributions', to='reviews.reviewcycle', verbose_name='review cycle')),
                    ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                    ('objectives', models.ManyToManyField(blank=True, related_name='+', to='objectives.objective', verbose_name='objectives concerned')),
                    ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='stakeholders.organisation', verbose_name='organisation')),
                    ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by')),
                ],
                options={
                    'verbose_name': 'written contribution',
                    'verbose_name_plural': 'written contributions',
                    'db_table': 'reviews_writtencontribution',
                    'ordering': ['cycle', '-invited_at'],
                },
            ),
            migrations.AddConstraint(
                model_name='assignment',
                constraint=models.UniqueConstraint(fields=('cycle', 'objective', 'organisation'), name='one_assignment_per_objective_and_organisation', violation_error_message='This organisation is already asked for this objective in this cycle.'),
            ),
            migrations.AddConstraint(
                model_name='consultationparticipants',
                constraint=models.UniqueConstraint(fields=('consultation', 'kind'), name='one_count_per_consultation_and_kind'),
            ),
            migrations.AddConstraint(
                model_name='evidence',
                constraint=models.UniqueConstraint(condition=models.Q(('sha256', ''), _negated=True), fields=('input', 'sha256'), name='one_copy_per_input'),
            ),
            migrations.AddConstraint(
                model_name='inputtranslation',
                constraint=models.UniqueConstraint(fields=('input', 'field', 'language'), name='one_translation_per_input_text'),
            ),
            migrations.AddConstraint(
                model_name='reminder',
                constraint=models.UniqueConstraint(fields=('assignment', 'kind', 'deadline'), name='one_reminder_per_kind_and_deadline'),
            ),
            ],
        ),
        migrations.RunPython(take_over, give_back),
    ]
