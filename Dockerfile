# One image for web, worker and beat (docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# psycopg2 builds against libpq; WeasyPrint needs Pango; the fonts cover
# Latin and Cyrillic, Belarusian letters included; gettext compiles catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential libpq-dev libpq5 gettext \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-dejavu-core fonts-noto-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 portal \
    && mkdir -p /srv/uncnm/media /srv/uncnm/static \
    && chown -R portal:portal /srv/uncnm

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=portal:portal . .
RUN DEBUG=False SECRET_KEY=build-only-not-used-at-runtime STATIC_ROOT=/srv/uncnm/static \
        python manage.py collectstatic --no-input -v 0 \
    && python manage.py compilemessages --ignore=var -v 0

USER portal
EXPOSE 8000
CMD ["gunicorn", "uncnm_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
