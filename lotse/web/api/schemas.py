"""Response schemas shared by the API routes: errors, offer summaries, directory lists."""

from __future__ import annotations

from marshmallow import fields

from lotse.web.german import GermanSchema


class ErrorBodySchema(GermanSchema):
    """The error object: slug, German message and per-field messages."""

    code = fields.String(required=True, metadata={"description": "Maschinenlesbarer Fehlercode"})
    message = fields.String(required=True, metadata={"description": "Meldung auf Deutsch"})
    fields_ = fields.Dict(data_key="fields", required=True, metadata={"description": "Meldungen je Feld"})


class ErrorSchema(GermanSchema):
    """The one error shape of every route."""

    error = fields.Nested(ErrorBodySchema, required=True)


class OrganizationRefSchema(GermanSchema):
    """An organisation as referenced from an offer."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class OfferLocationSchema(GermanSchema):
    """Where an offer takes place."""

    address = fields.String(allow_none=True)
    name = fields.String(allow_none=True)
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)
    district = fields.String(allow_none=True)


class OfferSummarySchema(GermanSchema):
    """An offer as case workers, the widget and scripts see it."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    description = fields.String(allow_none=True)
    organization = fields.Nested(OrganizationRefSchema, required=True)
    needs = fields.List(fields.String(), metadata={"description": "Bedarfscodes (lotse-bedarfe)"})
    inferred_needs = fields.List(
        fields.String(), metadata={"description": "Die Bedarfscodes, die Lotse aus dem Text erkannt hat"}
    )
    target_groups = fields.List(fields.String())
    districts = fields.List(fields.String(), metadata={"description": "Ids der versorgten Stadtteile"})
    city_wide = fields.Boolean()
    location = fields.Nested(OfferLocationSchema, allow_none=True)
    phone = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    languages = fields.List(fields.String(), metadata={"description": "ISO 639-1"})
    cost = fields.String(allow_none=True)
    schedule = fields.String(allow_none=True, metadata={"description": "Öffnungszeiten als Text"})
    open_now = fields.Boolean(allow_none=True, metadata={"description": "Jetzt geöffnet (null: unbekannt)"})
    minimum_age = fields.Integer(allow_none=True)
    maximum_age = fields.Integer(allow_none=True)
    last_verified = fields.Date(allow_none=True)
    status = fields.String()
    alert = fields.String(allow_none=True)
    version = fields.Integer()
    application_process = fields.String(allow_none=True, metadata={"description": "So geht es"})
    required_documents = fields.String(allow_none=True, metadata={"description": "Bitte mitbringen"})
    accessibility = fields.List(
        fields.String(), metadata={"description": "Barrierefreiheit (Codes, z. B. step_free, hearing_loop)"}
    )
    contact_of_organization = fields.Boolean(
        metadata={"description": "Telefon, E-Mail und Web-Adresse sind die der Organisation"}
    )


class DistrictSchema(GermanSchema):
    """A district with its centre and neighbours."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    lat = fields.Float(required=True)
    lon = fields.Float(required=True)
    neighbours = fields.List(fields.String())


class DistrictListSchema(GermanSchema):
    """All districts."""

    items = fields.List(fields.Nested(DistrictSchema))


class OrganizationSchema(GermanSchema):
    """An organisation (carrier) with its number of active offers."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    description = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    website = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    offer_count = fields.Integer()


class OrganizationListSchema(GermanSchema):
    """All organisations."""

    items = fields.List(fields.Nested(OrganizationSchema))


class OrganizationDetailSchema(OrganizationSchema):
    """An organisation with its active offers."""

    offers = fields.List(fields.Nested(OfferSummarySchema))


class NeedSchema(GermanSchema):
    """A need of the taxonomy."""

    code = fields.String(required=True)
    label = fields.String(required=True)


class AreaSchema(GermanSchema):
    """An area of needs with its needs."""

    code = fields.String(required=True)
    label = fields.String(required=True)
    needs = fields.List(fields.Nested(NeedSchema))


class TaxonomySchema(GermanSchema):
    """The need and target-group taxonomy."""

    version = fields.String()
    areas = fields.List(fields.Nested(AreaSchema))
    target_groups = fields.List(fields.Nested(NeedSchema))
