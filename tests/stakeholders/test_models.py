import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stakeholders.models import Organisation, Role
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_only_one_organisation_coordinates_the_network():
    OrganisationFactory(is_coordinator=True, network_role=Organisation.NetworkRole.CORE)
    second = OrganisationFactory.build(is_coordinator=True, network_role=Organisation.NetworkRole.CORE)
    with pytest.raises(ValidationError, match="Only one organisation can coordinate the network"):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_coordinator_must_be_a_network_member():
    organisation = OrganisationFactory.build(is_coordinator=True, network_role=Organisation.NetworkRole.NONE)
    with pytest.raises(ValidationError, match="must be a member of the network"):
        organisation.full_clean()


def test_organisation_cannot_be_its_own_parent():
    organisation = OrganisationFactory()
    organisation.parent = organisation
    with pytest.raises(ValidationError, match="cannot be its own parent"):
        organisation.full_clean()


def test_user_roles_come_from_groups():
    user = UserFactory(role=Role.FOCAL_POINT)
    assert user.has_role(Role.FOCAL_POINT)
    assert not user.has_role(Role.SECRETARIAT)
    assert user.roles == [Role.FOCAL_POINT]
    assert not user.is_secretariat


def test_inactive_user_has_no_role():
    user = UserFactory(role=Role.SECRETARIAT, is_active=False)
    assert not user.has_role(Role.SECRETARIAT)


def test_organisation_display():
    assert str(OrganisationFactory(name="Ministry of Health", acronym="MoH")) == "Ministry of Health (MoH)"
    assert str(OrganisationFactory(name="Gender Perspectives", acronym="")) == "Gender Perspectives"
