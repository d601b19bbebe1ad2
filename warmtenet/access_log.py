"""Resident tokens stay out of the logs.

A street or personal link is the resident's only key, so neither gunicorn's access log nor the
app's own log lines ("Not Found: /straat/…/") may keep it: the path segment after /straat/ and
/mijn/ becomes `<token>`, in the request line, the path and every header (a Referer too).
"""

import logging
import re

from gunicorn import glogging

TOKEN_SEGMENT = re.compile(r"/(straat|mijn|uitnodiging)/[^/?#\s\"]+")


def redact(text: str) -> str:
    return TOKEN_SEGMENT.sub(r"/\1/<token>", text)


class RedactTokens(logging.Filter):
    """A filter for the app's log handler (settings.LOGGING) and gunicorn's error log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if TOKEN_SEGMENT.search(message):
            record.msg, record.args = redact(message), None
        return True


class Logger(glogging.Logger):
    """gunicorn's logger (`--logger-class warmtenet.access_log.Logger`), tokens redacted: in
    the access log's fields and in its error log ("Error handling request GET /straat/…")."""

    def setup(self, cfg: object) -> None:
        super().setup(cfg)
        self.error_log.addFilter(RedactTokens())

    def atoms(self, resp: object, req: object, environ: dict, request_time: object) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {k: redact(v) if isinstance(v, str) else v for k, v in atoms.items()}
