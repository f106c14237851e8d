import datetime

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from reviews.models import ReviewCycle
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
