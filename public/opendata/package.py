"""The Frictionless Data Package that describes the CSV files of an open-data download
(https://datapackage.org): title, licence, sources, and per table its Table Schema with types,
descriptions from the data dictionary, enums of the status codes, primary and foreign keys.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from drafts.models import Publication

from .columns import Column, Table

DICTIONARY = Table(
    "dictionary",
    gettext_lazy("Data dictionary: what each column of each table holds"),
    [
        Column("table", gettext_lazy("Table"), required=True),
        Column("column", gettext_lazy("Column"), required=True),
        Column("description", gettext_lazy("What the column holds"), required=True),
    ],
    [],
    primary_key=["table", "column"],
)


def licence() -> dict:
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


def dictionary(found: list[Table]) -> Table:
    rows = [[table.name, column.name, str(column.description)] for table in found for column in table.columns]
    return Table(DICTIONARY.name, DICTIONARY.title, DICTIONARY.columns, rows, DICTIONARY.primary_key)


def about(publication: Publication) -> dict:
    return {
        "title": str(publication.cycle),
        "publisher": _("UN Country Network on Migration in Belarus"),
        "published": publication.published_at.isoformat() if publication.published_at else None,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "licence": licence(),
    }


def descriptor(publication: Publication, name: str, found: list[Table], *, page_url: str) -> dict:
    """datapackage.json for the CSV files named after the tables (dictionary included)."""
    described = [*found, dictionary(found)]
    present = {table.name for table in described}
    facts = about(publication)
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": facts["title"],
        "description": _("Open data of a voluntary national review of the Global Compact for Migration."),
        "created": facts["generated"],
        "licenses": [{"title": facts["licence"]["name"], "path": facts["licence"]["url"]}],
        "sources": [{"title": facts["publisher"], "path": page_url}],
        "resources": [
            {
                "name": table.name,
                "title": str(table.title),
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": table.schema(present),
            }
            for table in described
        ],
    }


def schemas(found: list[Table]) -> dict:
    """The Table Schema of each table, keyed by its name, as the JSON download carries them."""
    present = {table.name for table in found}
    return {table.name: table.schema(present) for table in found}
