"""Everything at once: `seed()` is what `manage.py seed_demo` runs."""

from django.db import transaction

from .cycles import seed_cycles, seed_earlier_reviews, seed_publications
from .inputs import seed_inputs
from .people import DEMO_PASSWORD, DemoUser, seed_contacts, seed_organisations, seed_users
from .pledges import seed_pledges
from .policies import seed_policies
from .process import seed_process
from .progress import grow_tenfold, seed_progress

__all__ = ["DEMO_PASSWORD", "DemoUser", "grow_tenfold", "seed"]


@transaction.atomic
def seed(*, scale: int = 1) -> list[DemoUser]:
    """Seed all demo data in one transaction; returns the demo users. scale multiplies activities and indicators."""
    organisations = seed_organisations()
    seed_contacts(organisations)
    users = seed_users(organisations)
    seed_cycles()
    # The 2020 and 2022 reviews come in through the importer, from the files in demo/data/earlier-reviews.
    seed_earlier_reviews()
    seed_progress(organisations, scale=scale)
    seed_inputs(organisations)
    seed_process(organisations)
    seed_policies(organisations)
    seed_pledges(organisations)
    seed_publications()
    return users
