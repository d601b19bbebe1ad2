"""The Dutch address register behind one small interface: addresses from BAG via PDOK.

`AddressRegister.lookup(query)` answers the homes at a postcode and house-number range, or in
one street of a town, with what the pilot needs: the address, bouwjaar, gebruiksoppervlakte,
gebruiksdoel, the position in RD New (EPSG:28992) and, with an EP-Online API key, the energy
label. `PdokRegister` calls the public services:

- PDOK Locatieserver (`…/locatieserver/search/v3_1/free`, Solr syntax, at most 100 rows a
  request): the addresses (`type:adres`) with `centroide_rd` and `adresseerbaarobject_id`;
- BAG OGC API Features (`…/lv/bag/ogc/v1/collections/verblijfsobject/items`, GeoJSON, at most
  1,000 features a page, `next` links): bouwjaar, oppervlakte, gebruiksdoel and pand of every
  verblijfsobject in the addresses' bounding box, fetched per box instead of per address;
- EP-Online (`/api/v5/PandEnergielabel/AdresseerbaarObject/{id}`, header `Authorization`), one
  request per address, only when `WARMTENET_EP_ONLINE_API_KEY` is set.

Every failure (no connection, an error status, a timeout, an answer that is not the documented
JSON) raises `RegisterError` with a Dutch message; the caller stores nothing then. Tests point the
URLs at a localhost server with recorded answers (tests/fixtures/register/).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.translation import gettext as _

# A kleinschalig network has at most 1,500 homes (seed deck's scale classes); a lookup is one
# street or one postcode range, never a whole town.
MAX_ADDRESSES = 1500
LOCATIESERVER_ROWS = 100  # Locatieserver's maximum rows per request
BAG_PAGE_LIMIT = 1000  # the BAG OGC API's maximum page size
MAX_BAG_PAGES = 20
MAX_RESPONSE_BYTES = 20 * 1024 * 1024
RD_NEW_CRS = "http://www.opengis.net/def/crs/EPSG/0/28992"
POINT = re.compile(r"^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$")
# Only this BAG gebruiksdoel is a home (IMBAG domain list "Gebruiksdoel").
HOME_PURPOSE = "woonfunctie"


class RegisterError(Exception):
    """The register could not answer; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class AddressQuery:
    """Either postcode with a house-number range, or street with town."""

    postcode: str = ""
    first: int = 0
    last: int = 0
    street: str = ""
    city: str = ""


@dataclass(frozen=True)
class RegisterAddress:
    bag_id: str  # adresseerbaar object (verblijfsobject) id, 16 digits
    street: str
    house_number: int
    suffix: str  # huisletter and huisnummertoevoeging, "" when none
    postcode: str
    city: str
    rd_x: float
    rd_y: float
    construction_year: int | None = None  # the pand's oorspronkelijk bouwjaar
    floor_area_m2: int | None = None  # gebruiksoppervlakte of the verblijfsobject
    purposes: tuple[str, ...] = ()  # BAG gebruiksdoelen; () when the register has none
    building_id: str = ""  # pand id: several homes in one pand are flats
    energy_label: str = ""  # EP-Online energieklasse ("A++", "C"), "" when none

    @property
    def is_home(self) -> bool:
        return not self.purposes or HOME_PURPOSE in self.purposes


class AddressRegister(Protocol):
    def lookup(self, query: AddressQuery) -> list[RegisterAddress]: ...


def _solr_text(value: str) -> str:
    # Inside a quoted Solr phrase only quotes and backslashes are special; the form allows
    # neither, this keeps the query well formed whatever reaches it.
    return value.replace("\\", " ").replace('"', " ").strip()


class PdokRegister:
    def __init__(
        self,
        *,
        locatieserver_url: str,
        bag_url: str,
        ep_online_url: str = "",
        ep_online_key: str = "",
        timeout_s: float = 10.0,
    ) -> None:
        self.locatieserver_url = locatieserver_url
        self.bag_url = bag_url.rstrip("/")
        self.ep_online_url = ep_online_url.rstrip("/")
        self.ep_online_key = ep_online_key
        self.timeout_s = timeout_s

    @classmethod
    def from_settings(cls) -> PdokRegister:
        return cls(
            locatieserver_url=settings.WARMTENET_PDOK_LOCATIESERVER_URL,
            bag_url=settings.WARMTENET_PDOK_BAG_URL,
            ep_online_url=settings.WARMTENET_EP_ONLINE_URL,
            ep_online_key=settings.WARMTENET_EP_ONLINE_API_KEY,
            timeout_s=settings.WARMTENET_REGISTER_TIMEOUT_S,
        )

    # --- the interface --------------------------------------------------------------------

    def lookup(self, query: AddressQuery) -> list[RegisterAddress]:
        found = self._addresses(query)
        if not found:
            return []
        objects = self._verblijfsobjecten(found)
        labels = self._labels([a["bag_id"] for a in found]) if self.ep_online_key else {}
        addresses = []
        for a in found:
            vbo = objects.get(a["bag_id"], {})
            addresses.append(
                RegisterAddress(
                    **a,
                    construction_year=vbo.get("bouwjaar"),
                    floor_area_m2=vbo.get("oppervlakte"),
                    purposes=vbo.get("gebruiksdoel", ()),
                    building_id=vbo.get("pand", ""),
                    energy_label=labels.get(a["bag_id"], ""),
                )
            )
        return sorted(addresses, key=lambda a: (a.street, a.house_number, a.suffix))

    # --- Locatieserver: the addresses -----------------------------------------------------

    def _addresses(self, query: AddressQuery) -> list[dict]:
        if query.postcode:
            q = f"postcode:{query.postcode}"
            fq = ["type:adres", f"huisnummer:[{query.first} TO {query.last}]"]
        else:
            q = f'straatnaam:"{_solr_text(query.street)}"'
            fq = ["type:adres", f'woonplaatsnaam:"{_solr_text(query.city)}"']
        fields = (
            "id adresseerbaarobject_id straatnaam huisnummer huisletter huisnummertoevoeging "
            "postcode woonplaatsnaam centroide_rd"
        )
        docs: list[Mapping] = []
        start, total = 0, None
        while total is None or start < total:
            params = [("q", q), *(("fq", f) for f in fq), ("fl", fields)]
            params += [("rows", str(LOCATIESERVER_ROWS)), ("start", str(start))]
            payload = self._get_json(self.locatieserver_url, params, service="Locatieserver")
            try:
                response = payload["response"]
                total = int(response["numFound"])
                page = list(response["docs"])
            except (KeyError, TypeError, ValueError):
                raise self._malformed("Locatieserver") from None
            if total > MAX_ADDRESSES:
                raise RegisterError(
                    _(
                        "De zoekvraag levert %(n)s adressen op; per keer kunnen er ten hoogste "
                        "%(max)s. Maak het bereik kleiner."
                    )
                    % {"n": f"{total:,}".replace(",", "."), "max": "1.500"}
                )
            if not page:
                break
            docs += page
            start += len(page)
        found, seen = [], set()
        for doc in docs:
            address = self._address(doc)
            # A street query is a text search: keep the exact street (and town) only.
            if query.street and (
                address["street"].casefold() != query.street.strip().casefold()
                or address["city"].casefold() != query.city.strip().casefold()
            ):
                continue
            if query.postcode and not query.first <= address["house_number"] <= query.last:
                continue
            if address["bag_id"] not in seen:
                seen.add(address["bag_id"])
                found.append(address)
        return found

    def _address(self, doc: object) -> dict:
        try:
            assert isinstance(doc, Mapping)
            point = POINT.match(str(doc["centroide_rd"]))
            assert point is not None
            letter = str(doc.get("huisletter") or "")
            addition = str(doc.get("huisnummertoevoeging") or "")
            return {
                "bag_id": str(doc["adresseerbaarobject_id"]),
                "street": str(doc["straatnaam"]),
                "house_number": int(doc["huisnummer"]),
                # 12A, 12-2 or 12A-2: the letter, then the addition, as on an envelope.
                "suffix": f"{letter}{'-' if letter and addition else ''}{addition}".upper(),
                "postcode": str(doc["postcode"]).replace(" ", "").upper(),
                "city": str(doc.get("woonplaatsnaam") or ""),
                "rd_x": float(point.group(1)),
                "rd_y": float(point.group(2)),
            }
        except (AssertionError, KeyError, TypeError, ValueError):
            raise self._malformed("Locatieserver") from None

    # --- BAG OGC API: bouwjaar, oppervlakte, gebruiksdoel ---------------------------------

    def _verblijfsobjecten(self, addresses: Sequence[dict]) -> dict[str, dict]:
        xs, ys = [a["rd_x"] for a in addresses], [a["rd_y"] for a in addresses]
        # One metre around the address points: the verblijfsobject point is the address point.
        bbox = f"{min(xs) - 1:.2f},{min(ys) - 1:.2f},{max(xs) + 1:.2f},{max(ys) + 1:.2f}"
        url = f"{self.bag_url}/collections/verblijfsobject/items"
        params: list[tuple[str, str]] | None = [
            ("bbox", bbox),
            ("bbox-crs", RD_NEW_CRS),
            ("crs", RD_NEW_CRS),
            ("limit", str(BAG_PAGE_LIMIT)),
            ("f", "json"),
        ]
        found: dict[str, dict] = {}
        for _page in range(MAX_BAG_PAGES):
            payload = self._get_json(url, params, service="BAG")
            try:
                features = payload["features"]
                assert isinstance(features, list)
                for feature in features:
                    props = feature["properties"]
                    found[str(props["identificatie"])] = _vbo(props)
                links = payload.get("links") or []
                nxt = next((x["href"] for x in links if x.get("rel") == "next"), None)
            except (AssertionError, KeyError, TypeError, ValueError):
                raise self._malformed("BAG") from None
            # Follow `next` only on the same service: never a URL an answer chose elsewhere.
            if not nxt or not str(nxt).startswith(self.bag_url + "/"):
                break
            url, params = str(nxt), None
        return found

    # --- EP-Online: energy labels ---------------------------------------------------------

    def _labels(self, bag_ids: Sequence[str]) -> dict[str, str]:
        labels = {}
        for bag_id in bag_ids:
            url = f"{self.ep_online_url}/PandEnergielabel/AdresseerbaarObject/{bag_id}"
            payload = self._get_json(
                url,
                None,
                service="EP-Online",
                headers={"Authorization": self.ep_online_key},
                missing_ok=True,
            )
            if payload is None:
                continue  # 404: no registered label for this address
            try:
                entries = payload if isinstance(payload, list) else [payload]
                klasse = str(entries[0]["Energieklasse"]).strip().upper() if entries else ""
            except (KeyError, TypeError, IndexError):
                raise self._malformed("EP-Online") from None
            if klasse:
                labels[bag_id] = klasse
        return labels

    # --- HTTP -----------------------------------------------------------------------------

    def _get_json(
        self,
        url: str,
        params: Sequence[tuple[str, str]] | None,
        *,
        service: str,
        headers: Mapping[str, str] | None = None,
        missing_ok: bool = False,
    ) -> object:
        full = f"{url}?{urllib.parse.urlencode(params)}" if params else url
        request = urllib.request.Request(
            full, headers={"Accept": "application/json", **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                body = response.read(MAX_RESPONSE_BYTES + 1)
        except urllib.error.HTTPError as error:
            if missing_ok and error.code == 404:
                return None
            raise RegisterError(
                _(
                    "Het adressenregister (%(service)s) is nu niet beschikbaar (status "
                    "%(status)d). Er is niets opgeslagen; probeer het later opnieuw."
                )
                % {"service": service, "status": error.code}
            ) from None
        except TimeoutError:
            raise RegisterError(
                _(
                    "Het adressenregister (%(service)s) antwoordt niet binnen %(s)s seconden. "
                    "Er is niets opgeslagen; probeer het later opnieuw."
                )
                % {"service": service, "s": f"{self.timeout_s:g}"}
            ) from None
        except (urllib.error.URLError, OSError) as error:
            if isinstance(getattr(error, "reason", None), TimeoutError):
                raise RegisterError(
                    _(
                        "Het adressenregister (%(service)s) antwoordt niet binnen %(s)s "
                        "seconden. Er is niets opgeslagen; probeer het later opnieuw."
                    )
                    % {"service": service, "s": f"{self.timeout_s:g}"}
                ) from None
            raise RegisterError(
                _(
                    "Het adressenregister (%(service)s) is nu niet bereikbaar. Er is niets "
                    "opgeslagen; probeer het later opnieuw."
                )
                % {"service": service}
            ) from None
        if len(body) > MAX_RESPONSE_BYTES:
            raise self._malformed(service)
        try:
            return json.loads(body)
        except ValueError:
            raise self._malformed(service) from None

    @staticmethod
    def _malformed(service: str) -> RegisterError:
        return RegisterError(
            _(
                "Het adressenregister (%(service)s) gaf een onverwacht antwoord. Er is niets "
                "opgeslagen; probeer het later opnieuw of voeg de adressen met een bestand toe."
            )
            % {"service": service}
        )


def _vbo(props: Mapping) -> dict:
    """The fields we use from one BAG verblijfsobject feature; absent values stay absent."""
    out: dict[str, object] = {}
    year = props.get("bouwjaar")
    if year not in (None, ""):
        out["bouwjaar"] = int(year)
    area = props.get("oppervlakte")
    if area not in (None, ""):
        out["oppervlakte"] = int(area)
    purposes = props.get("gebruiksdoel") or ()
    if isinstance(purposes, str):
        purposes = purposes.split(",")
    out["gebruiksdoel"] = tuple(str(p).strip().casefold() for p in purposes if str(p).strip())
    out["pand"] = str(props.get("pandidentificatie") or "")
    return out


def get_register() -> AddressRegister:
    return PdokRegister.from_settings()
