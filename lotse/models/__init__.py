"""SQLAlchemy models, one module per aggregate; importing this package registers them all."""

from lotse.models.base import Base
from lotse.models.changelog import ChangeLog
from lotse.models.district import District
from lotse.models.history import OfferRevision
from lotse.models.offer import (
    CostOption,
    Language,
    Offer,
    OfferDistrict,
    OfferTerm,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
)
from lotse.models.organization import Address, Location, Organization, Phone
from lotse.models.ratelimit import RateLimitCounter
from lotse.models.stats import RouteStat, RouteStatMonth
from lotse.models.taxonomy import Attribute, Taxonomy, TaxonomyTerm
from lotse.models.user import ApiToken, User, UserSession

__all__ = [
    "Address",
    "ApiToken",
    "Attribute",
    "Base",
    "ChangeLog",
    "CostOption",
    "District",
    "Language",
    "Location",
    "Offer",
    "OfferDistrict",
    "OfferRevision",
    "OfferTerm",
    "Organization",
    "Phone",
    "RateLimitCounter",
    "RouteStat",
    "RouteStatMonth",
    "Schedule",
    "ServiceArea",
    "ServiceAtLocation",
    "Taxonomy",
    "TaxonomyTerm",
    "User",
    "UserSession",
]
