"""Open data of a published cycle: every public table as CSV files with their Frictionless Data Package (zip),
JSON and XLSX, each with a data dictionary and the licence; the indicator observations also as SDMX-CSV 2.0,
whose structure (SDMX-ML 2.1) is published at one stable address.
"""

from .files import FORMATS, response
from .package import licence
from .sdmx import structure_xml

__all__ = ["FORMATS", "licence", "response", "structure_xml"]
