"""Scale-out (issue 17): two gunicorn instances and one worker on one PostgreSQL and one Redis.

A rate limit counts across both instances, an edit made on one shows at once on the other (no
stale cached table), and a report asked for on one is served by the other when the worker is
done. Instances and worker are real processes on loopback ports; the test database is theirs.
"""

import http.client
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import yaml
from django.conf import settings
from django.test import Client

from pilots.models import Commitment, HouseholdLink, ReportJob, Role
from tests import processes
from tests.factories import GemeenteFactory, HouseholdFactory, MemberFactory, PilotFactory
from tests.test_shared_cache import REDIS


class Instance:
    def __init__(self, port: int, session: str) -> None:
        self.port, self.cookies = port, {settings.SESSION_COOKIE_NAME: session}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}/"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";")[0]
        text = response.read().decode("utf-8", "replace")
        conn.close()
        return response.status, dict(response.getheaders()), text

    def get(self, path: str) -> tuple[int, dict, str]:
        return self.request("GET", path)

    def post(self, path: str, form: dict) -> tuple[int, dict, str]:
        status, _, page = self.get(path.split("?")[0].rsplit("/", 2)[0] + "/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        form = {**form, "csrfmiddlewaretoken": token.group(1) if token else ""}
        return self.request("POST", path, form)


def _row(page: str, household_pk: int) -> str:
    return re.search(rf'id="household-{household_pk}".*?</tr>', page, re.S).group(0)


def _worker_health(env: dict[str, str]) -> int:
    """docker-compose.yml's health check of the worker, run as compose runs it."""
    worker = yaml.safe_load((processes.ROOT / "docker-compose.yml").read_text())["services"][
        "worker"
    ]
    _cmd, _python, flag, code = worker["healthcheck"]["test"]
    return subprocess.run([sys.executable, flag, code], env=env, check=False).returncode


def test_two_instances_and_a_worker_share_limits_pages_and_reports(
    transactional_db: None, redis_available: None, tmp_path: Path
) -> None:
    processes.require_postgresql()
    utrecht = GemeenteFactory(name="Utrecht")
    pilot = PilotFactory(gemeente=utrecht, name="Hofje Oudwijk", homes=18)
    households = HouseholdFactory.create_batch(12, pilot=pilot, commitment=Commitment.INTENT)
    _link, token = HouseholdLink.issue(households[0])
    client = Client()  # a session in the database; both instances read it through Redis
    client.force_login(MemberFactory(gemeente=utrecht, role=Role.KWARTIERMAKER))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    env = processes.environment(REDIS_URL=REDIS, WARMTENET_CACHE_PREFIX=f"scale-{uuid.uuid4().hex}")
    (server_a, port_a), (server_b, port_b) = (
        processes.gunicorn(env, tmp_path / f"gunicorn-{n}.log") for n in "ab"
    )
    assert _worker_health(env) != 0  # no worker yet: the health check says so
    worker = processes.worker(env, tmp_path / "worker.log")
    try:
        a, b = Instance(port_a, session), Instance(port_b, session)

        # 1. The personal link allows 30 requests a minute per address, counted in Redis.
        if time.time() % 60 > 50:  # not across the turn of a minute
            time.sleep(61 - time.time() % 60)
        url = f"/mijn/{token}/"
        statuses = [(a if n % 2 else b).get(url)[0] for n in range(31)]
        assert statuses[:30] == [200] * 30
        assert statuses[30] == 429  # the 31st, on either instance

        # 2. An edit on A shows on B at once: B cached the table just before.
        page = f"/pilots/{pilot.pk}/"
        household = households[3]
        assert 'value="signed" selected' not in _row(b.get(page)[2], household.pk)
        edit = f"/pilots/{pilot.pk}/huishoudens/{household.pk}/commitment/"
        status, _, _ = a.post(edit, {"commitment": "signed", "version": household.version})
        assert status in (200, 302), status
        assert 'value="signed" selected' in _row(b.get(page)[2], household.pk)

        # 3. A report asked for on A is made by the worker and served by B.
        status, headers, _ = a.post(f"/pilots/{pilot.pk}/rapport.pdf", {})
        assert status == 303
        progress = headers["Location"]
        assert ReportJob.objects.get().status in ("queued", "rendering")  # not in the request

        def ready_on_b() -> str | None:
            page = b.get(progress)[2]
            return page if 'data-status="ready"' in page else None

        ready = processes.wait_for(ready_on_b, 60, worker)
        download = re.search(r'data-testid="report-download" href="([^"]+)"', ready).group(1)
        status, headers, _ = b.get(download)
        assert status == 200
        assert headers["Content-Type"] == "application/pdf"
        assert _worker_health(env) == 0
    finally:
        worker.stop()
        server_a.stop()
        server_b.stop()
