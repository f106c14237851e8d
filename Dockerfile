# One image for web, worker and beat (docker-compose.yml), built in two stages: the compiler,
# headers and gettext stay in the build stage; the runtime stage gets the virtualenv, the code,
# the collected static files and the compiled catalogues, owned by root and read-only for the
# unprivileged user that runs the portal.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev gettext \
        libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --require-hashes -r /tmp/requirements.txt
WORKDIR /app
COPY . .
RUN DEBUG=False SECRET_KEY=build-only-not-used-at-runtime STATIC_ROOT=/app/staticfiles \
        /opt/venv/bin/python manage.py collectstatic --no-input -v 0 \
    && /opt/venv/bin/python manage.py compilemessages --ignore=var -v 0 \
    && /opt/venv/bin/python -m compileall -q /app

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/srv/uncnm/media
# libpq for psycopg2; Pango for WeasyPrint; Cairo for the Word draft's chart images (CairoSVG); fonts with full Cyrillic coverage, Belarusian letters included.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2 \
        fonts-dejavu-core fonts-noto-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal \
    && mkdir -p /srv/uncnm/media \
    && chown portal:portal /srv/uncnm/media
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
WORKDIR /app
USER portal
EXPOSE 8000
# /healthz answers "ok" when the database does; it is asked under the first allowed host name.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD \
    python -c "import os, urllib.request; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].lstrip('.'); \
request = urllib.request.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}); \
assert urllib.request.urlopen(request, timeout=4).read() == b'ok'"
CMD ["gunicorn", "uncnm_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
