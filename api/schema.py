"""The OpenAPI schema describes the API as it answers: anonymous reads, `?lang=` on every operation, the ids'
ranges, and the error responses (400, 401, 403, 404, 429) with their bodies."""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

MAX_ID = 2**31 - 1  # the largest id PostgreSQL's integer keys hold

LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=list(settings.LANGUAGE_CODES),
    description="Language of the translated texts (default: en). Another value is refused (400).",
)
DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
INVALID = {
    "type": "object",
    "description": "Each refused parameter with its messages.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
ERRORS = {
    "400": ("A query parameter is refused: out of its range, not one of its values, or malformed.", INVALID),
    "401": ("The token is unknown, revoked or its account inactive (no token: anonymous access).", DETAIL),
    "403": ("The account may not read this resource.", DETAIL),
    "404": ("No such record for this client, or a page after the last.", DETAIL),
    "429": ("Too many requests: wait the seconds of Retry-After.", DETAIL),
}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.TokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, made on the account page of the portal.",
        }


class PortalAutoSchema(AutoSchema):
    def get_auth(self) -> list[dict]:
        """A token or a session reads what its owner reads; without either, the published data."""
        return [*super().get_auth(), {}]

    def get_override_parameters(self) -> list:
        return [*super().get_override_parameters(), LANG]

    def _resolve_path_parameters(self, variables) -> list[dict]:
        """The lookup as the view checks it (the URL itself takes any segment, so a wrong one gets a JSON 404)."""
        parameters = super()._resolve_path_parameters(variables)
        lookup = getattr(self.view, "lookup_field", "pk")
        for parameter in parameters:
            if lookup in ("pk", "id"):
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
            elif lookup == "number":
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 23}
            else:
                parameter["schema"] = {"type": "string", "maxLength": 50}
        return parameters

    def _get_response_bodies(self, direction="response") -> dict:
        responses = super()._get_response_bodies(direction)
        for code, (description, schema) in ERRORS.items():
            response = {"description": description, "content": {"application/json": {"schema": schema}}}
            if code == "429":
                response["headers"] = {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds."}}
            responses.setdefault(code, response)
        return responses
