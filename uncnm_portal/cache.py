"""A Redis cache that fails open: when Redis is away, the portal computes instead of answering 500."""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class FailOpenRedisCache(RedisCache):
    """While Redis does not answer, reads miss and writes are dropped; each failure is logged.

    `get_or_set` (the charts' cache) is built on `get` and `add`, so it computes the value instead.
    """

    def _skipped(self, operation: str, result=None):
        logger.warning("Cache %s skipped: Redis does not answer", operation, exc_info=True)
        return result

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError:
            return self._skipped("get", default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError:
            return self._skipped("get_many", {})

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except RedisError:
            return self._skipped("set")

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError:
            return self._skipped("add", False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError:
            return self._skipped("delete", False)
