"""What a column of an open-data table holds: its name, its meaning (the data dictionary) and its type.

One description serves every format: the dictionary sheet, the Table Schema of the Data Package
(https://specs.frictionlessdata.io/table-schema/) and the typed cells of the workbook.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from uncnm_portal.validators import FIRST_YEAR, LAST_YEAR

LIST_DELIMITER = " "  # between the items of a list cell (objective numbers, action codes)


def plain_number(value: Decimal) -> str:
    """A decimal as data writes it: no trailing zeros, no exponent (40, 45.5)."""
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Column:
    name: str
    description: str  # lazily translated
    type: str = "string"  # a Table Schema type: string, integer, number, date, list
    enum: tuple[str, ...] = ()
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    item_type: str = ""  # of a list: its items' type; items are separated by LIST_DELIMITER
    format: str = ""  # of a string: uri

    def schema(self) -> dict:
        """This column as a Table Schema field."""
        described = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.type == "list":
            described.update(delimiter=LIST_DELIMITER, itemType=self.item_type or "string")
        if self.format:
            described["format"] = self.format
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            described["constraints"] = constraints
        return described


@dataclass
class Table:
    name: str
    title: str  # lazily translated
    columns: list[Column]
    rows: list[list]
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (column, table, its column)

    def schema(self, present: set[str]) -> dict:
        """The Table Schema of this table; a foreign key only to a table that is in the same package."""
        schema: dict = {"fields": [c.schema() for c in self.columns], "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = self.primary_key
        keys = [
            {"fields": column, "reference": {"resource": table, "fields": other}}
            for column, table, other in self.foreign_keys
            if table in present
        ]
        if keys:
            schema["foreignKeys"] = keys
        return schema


def objective_number(description) -> Column:
    return Column("objective", description, "integer", required=True, minimum=1, maximum=23)


def year(name: str, description, *, required: bool = False) -> Column:
    return Column(name, description, "integer", required=required, minimum=FIRST_YEAR, maximum=LAST_YEAR)


def objective_numbers(description) -> Column:
    return Column("objectives", description, "list", item_type="integer")


def code(name: str, description, choices) -> Column:
    """A status or kind: one of the model's choice values."""
    return Column(name, description, enum=tuple(choices.values), required=True)
