"""Screenshots of the main pages with Debian's headless Chromium, for looking at what we build.

Usage: start the app (`make run`), then `make screenshots` (or `.venv/bin/python
scripts/screenshots.py [base-url]`). PNGs land in screenshots/ (git-ignored); docs/ keeps the
few the README shows.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width, suffix in ((1280, ""), (360, "-mobile")):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{BASE}/inloggen/")
            page.screenshot(path=OUT / f"login{suffix}.png", full_page=True)
            page.fill("#id_username", "kwartiermaker")
            page.fill("#id_password", "warmte-demo-2026")
            page.click("main button[type=submit]")
            page.wait_for_url("**/pilots/")
            page.screenshot(path=OUT / f"portfolio{suffix}.png", full_page=True)
            page.click("text=Hofje Oudwijk")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)  # plotly draws after the 5 MB bundle is parsed
            page.screenshot(path=OUT / f"pilot{suffix}.png", full_page=True)
            page.close()
        browser.close()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
