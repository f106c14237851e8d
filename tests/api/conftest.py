# The public pages' world (one published cycle, one not, and secrets) serves the API's tests too.
from tests.public.conftest import _empty_cache, world  # noqa: F401
