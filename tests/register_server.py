"""A localhost stand-in for PDOK and EP-Online that answers from recorded responses.

The recordings in tests/fixtures/register/ are answers in the services' documented formats
(Locatieserver `free`: Solr JSON; BAG OGC API: GeoJSON FeatureCollection with `next` links;
EP-Online v5: a JSON list per adresseerbaar object). The server picks the recorded documents a
request asks for (postcode and house-number range, or street and town; a bounding box; an id)
and pages them as the real services do, so the adapter's paging is exercised too.

`mode` makes it misbehave: "down" answers 503, "slow" waits longer than the client's timeout,
"malformed" answers JSON of the wrong shape, "garbage" answers something that is not JSON.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "register"
SLOW_S = 0.6  # longer than the 0.3 s timeout tests give the client


def _load(name: str) -> object:
    return json.loads((FIXTURES / name).read_text())


@dataclass
class Recording:
    locatieserver: dict  # a recorded `free` answer; its docs are the register
    verblijfsobjecten: dict  # a recorded FeatureCollection of verblijfsobject items
    labels: dict[str, list] = field(default_factory=dict)  # adresseerbaar object id → answer

    @classmethod
    def lindelaan(cls) -> Recording:
        return cls(
            _load("locatieserver_lindelaan.json"),
            _load("bag_verblijfsobject_lindelaan.json"),
            _load("ep_online_lindelaan.json"),
        )

    @classmethod
    def long_street(cls, homes: int) -> Recording:
        """`homes` addresses in the Lindelaan's recorded format: the recorded second home
        repeated along a long street, 6.1 m apart, a new postcode every 50 numbers."""
        base = cls.lindelaan()
        doc = base.locatieserver["response"]["docs"][1]
        feature = base.verblijfsobjecten["features"][1]
        docs, features = [], []
        for i in range(homes):
            number, x, y = i + 1, 137_000.0 + 6.1 * (i // 2), 456_200.0 + 14.6 * (i % 2)
            postcode = f"{3572 + i // 1000}{'ABCDEFGHJKLMNPRTUVWXYZ'[(i // 50) % 22]}B"
            vbo, pand = f"0344010001{i:06d}", f"0344100001{i:06d}"
            docs.append(
                {
                    **doc,
                    "huisnummer": number,
                    "huis_nlt": str(number),
                    "postcode": postcode,
                    "weergavenaam": f"Lindelaan {number}, {postcode} Utrecht",
                    "adresseerbaarobject_id": vbo,
                    "nummeraanduiding_id": f"0344200001{i:06d}",
                    "id": f"adr-{i:032x}",
                    "centroide_rd": f"POINT({x:.3f} {y:.3f})",
                }
            )
            props = {**feature["properties"], "identificatie": vbo, "huisnummer": number}
            props |= {"postcode": postcode, "pandidentificatie": pand}
            features.append(
                {
                    **feature,
                    "id": f"{i:032x}",
                    "geometry": {"type": "Point", "coordinates": [x, y]},
                    "properties": props,
                }
            )
        locatieserver = {**base.locatieserver}
        locatieserver["response"] = {**base.locatieserver["response"], "docs": docs}
        verblijfsobjecten = {**base.verblijfsobjecten, "features": features}
        return cls(locatieserver, verblijfsobjecten, {})


RANGE = re.compile(r"^huisnummer:\[(\d+) TO (\d+)\]$")
PHRASE = re.compile(r'^(\w+):"?([^"]*)"?$')


def _matches(doc: dict, conditions: list[str]) -> bool:
    for condition in conditions:
        if m := RANGE.match(condition):
            if not int(m.group(1)) <= int(doc.get("huisnummer", -1)) <= int(m.group(2)):
                return False
        elif (m := PHRASE.match(condition)) and str(doc.get(m.group(1), "")).casefold() != m.group(
            2
        ).casefold():
            return False
    return True


class _Handler(BaseHTTPRequestHandler):
    server: RecordedServer

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        self.server.requests.append(self.path)
        mode = self.server.mode
        if mode == "slow":
            time.sleep(SLOW_S)
        if mode == "down":
            return self._send(503, b'{"error": "Service Unavailable"}')
        if mode == "garbage":
            return self._send(200, b"<html><body>Onderhoud</body></html>")
        if url.path.endswith("/free"):
            body = self._free(query)
        elif url.path.endswith("/collections/verblijfsobject/items"):
            body = self._items(query)
        elif "/PandEnergielabel/AdresseerbaarObject/" in url.path:
            if self.headers.get("Authorization") != "test-ep-key":
                return self._send(401, b'{"message": "Unauthorized"}')
            found = self.server.recording.labels.get(url.path.rsplit("/", 1)[1])
            if found is None:
                return self._send(404, b'{"message": "Geen energielabel gevonden"}')
            body = found
        else:
            return self._send(404, b"{}")
        if mode == "malformed":
            body = {"response": {"numFound": "veel", "docs": "geen lijst"}, "features": 3}
        self._send(200, json.dumps(body).encode())

    def _free(self, query: dict[str, list[str]]) -> dict:
        recorded = self.server.recording.locatieserver
        conditions = [*query.get("q", []), *query.get("fq", [])]
        docs = [d for d in recorded["response"]["docs"] if _matches(d, conditions)]
        start, rows = int(query.get("start", ["0"])[0]), int(query.get("rows", ["10"])[0])
        fields = query.get("fl", [""])[0].split()
        page = [{k: v for k, v in d.items() if not fields or k in fields} for d in docs]
        response = {**recorded["response"], "numFound": len(docs), "start": start}
        response["docs"] = page[start : start + min(rows, 100)]
        return {**recorded, "response": response}

    def _items(self, query: dict[str, list[str]]) -> dict:
        recorded = self.server.recording.verblijfsobjecten
        x0, y0, x1, y1 = (float(v) for v in query["bbox"][0].split(","))
        features = [
            f
            for f in recorded["features"]
            if x0 <= f["geometry"]["coordinates"][0] <= x1
            and y0 <= f["geometry"]["coordinates"][1] <= y1
        ]
        limit = int(query.get("limit", ["10"])[0])
        offset = int(query.get("offset", ["0"])[0])
        page = features[offset : offset + limit]
        links = [{"rel": "self", "type": "application/geo+json", "href": self.path}]
        if offset + limit < len(features):
            following = {**{k: v[0] for k, v in query.items()}, "offset": str(offset + limit)}
            href = f"{self.server.base}/bag/collections/verblijfsobject/items?"
            links.append(
                {
                    "rel": "next",
                    "type": "application/geo+json",
                    "href": href + urllib.parse.urlencode(following),
                }
            )
        return {**recorded, "features": page, "numberReturned": len(page), "links": links}

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
            self.wfile.write(body)


class RecordedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, recording: Recording) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.recording = recording
        self.mode = "ok"
        self.requests: list[str] = []
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()

    def settings(self) -> dict[str, object]:
        """The settings that point the app at this server."""
        return {
            "WARMTENET_PDOK_LOCATIESERVER_URL": f"{self.base}/locatieserver/search/v3_1/free",
            "WARMTENET_PDOK_BAG_URL": f"{self.base}/bag",
            "WARMTENET_EP_ONLINE_URL": f"{self.base}/ep/api/v5",
            "WARMTENET_REGISTER_TIMEOUT_S": 0.3,
        }

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
