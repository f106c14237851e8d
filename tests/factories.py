import datetime

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from drafts.models import ExportJob
from inputs.models import Assignment, Input
from objectives.models import Action, Activity, Indicator, IndicatorObservation, Objective
from reviews.models import ActionProgress, ObjectiveAssessment, ProgressStatus, ReviewCycle
from stakeholders.models import Contact, Organisation, User

TEST_PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = Organisation.Kind.GOVERNMENT


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def role(self, create: bool, extracted: str | None, **kwargs) -> None:
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    full_name = factory.Sequence(lambda n: f"Contact Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    position = "Focal point"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    is_focal_point = True


class ReviewCycleFactory(DjangoModelFactory):
    class Meta:
        model = ReviewCycle

    name = factory.Sequence(lambda n: f"Review cycle {n}")
    level = ReviewCycle.Level.REGIONAL
    forum = "UNECE Regional Review of the GCM, Geneva"
    year = factory.Sequence(lambda n: 2030 + 2 * n)
    forum_starts = factory.LazyAttribute(lambda c: datetime.date(c.year, 3, 11))
    forum_ends = factory.LazyAttribute(lambda c: datetime.date(c.year, 3, 12))
    input_opens = factory.LazyAttribute(lambda c: datetime.date(c.year - 1, 9, 1))
    input_closes = factory.LazyAttribute(lambda c: datetime.date(c.year - 1, 12, 15))
    submission_deadline = factory.LazyAttribute(lambda c: datetime.date(c.year, 1, 31))


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Activity {n}")
    lead_organisation = factory.SubFactory(OrganisationFactory, kind=Organisation.Kind.UN_AGENCY)
    start_date = datetime.date(2023, 1, 1)
    status = Activity.Status.ONGOING

    @factory.post_generation
    def objectives(self, create: bool, extracted, **kwargs) -> None:
        if create:
            self.objectives.set(extracted or [Objective.objects.get(number=1)])

    @factory.post_generation
    def actions(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.actions.set(extracted)


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"BY-{n:03d}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "%"

    @factory.post_generation
    def objectives(self, create: bool, extracted, **kwargs) -> None:
        if create:
            self.objectives.set(extracted or [Objective.objects.get(number=1)])


class ObservationFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorObservation

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2000 + n % 90)
    value = 10


class AssessmentFactory(DjangoModelFactory):
    class Meta:
        model = ObjectiveAssessment

    cycle = factory.SubFactory(ReviewCycleFactory)
    objective = factory.LazyFunction(lambda: Objective.objects.get(number=1))
    status = ProgressStatus.IN_PROGRESS
    achievements = "A national migration data portal was launched."


class ActionProgressFactory(DjangoModelFactory):
    class Meta:
        model = ActionProgress

    cycle = factory.SubFactory(ReviewCycleFactory)
    action = factory.LazyFunction(lambda: Action.objects.get(objective__number=1, letter="a"))
    status = ActionProgress.Status.ONGOING


class ExportJobFactory(DjangoModelFactory):
    class Meta:
        model = ExportJob
        skip_postgeneration_save = True

    cycle = factory.SubFactory(ReviewCycleFactory)

    @factory.post_generation
    def objectives(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.objectives.set(extracted)


def finished_export(**kwargs) -> ExportJob:
    """An export job run to the end, the way a worker runs it."""
    import datetime

    from drafts.report import build_export

    job = ExportJobFactory(**kwargs)
    build_export(ExportJob.claim(job.pk, stale_after=datetime.timedelta(minutes=5)))
    job.refresh_from_db()
    return job


class AssignmentFactory(DjangoModelFactory):
    """An assignment with its (draft) input, as the call for inputs creates them."""

    class Meta:
        model = Assignment
        skip_postgeneration_save = True

    cycle = factory.SubFactory(ReviewCycleFactory)
    objective = factory.LazyFunction(lambda: Objective.objects.get(number=6))
    organisation = factory.SubFactory(OrganisationFactory)
    deadline = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))

    @factory.post_generation
    def with_input(self, create: bool, extracted, **kwargs) -> None:
        if create:
            Input.objects.create(assignment=self, **(extracted or {}))
