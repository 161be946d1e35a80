"""The embeddable widget: GET /widget.js, and a demo page that embeds it from a second origin."""

from __future__ import annotations

import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any

from flask import Blueprint, Response
from flask.typing import ResponseReturnValue

bp = Blueprint("widget", __name__)

#: Browsers may keep the script an hour; a new release reaches host pages within that time.
WIDGET_MAX_AGE = 3600


def widget_source() -> bytes:
    """Return the widget's JavaScript as shipped in lotse/static/widget.js."""
    return files("lotse").joinpath("static/widget.js").read_bytes()


@bp.get("/widget.js")
def script() -> ResponseReturnValue:
    """The widget script: one tag on any page gives a German search box (no cookies, no third parties)."""
    response = Response(widget_source(), mimetype="text/javascript")
    response.charset = "utf-8"
    response.cache_control.public = True
    response.cache_control.max_age = WIDGET_MAX_AGE
    # Loaded by pages of other origins: allow that even where Lotse's own pages forbid cross-origin embedding.
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


DEMO_CSS = """/* Rude host styles: none reaches the widget, and the widget's reach nothing here. */
body { font: 22px/1.2 Georgia, serif; color: #222; background: #fdf6e3; margin: 2rem; }
h1, h2, h3 { font-family: Impact, sans-serif; color: #6b2f00; text-transform: uppercase; }
input, button { font-size: 30px; background: #ffd6d6; border: 4px dotted #6b2f00; }
li { list-style: square; color: #6b2f00; }
a { color: #6b2f00; }
.box, .status, .org { border: 5px solid #6b2f00; }
"""


def demo_page(lotse_url: str, district: str | None = None, need: str | None = None) -> str:
    """Return the HTML of a city-website page that embeds the widget of the Lotse at lotse_url."""
    attributes = "".join(
        f' data-{name}="{escape(value)}"' for name, value in (("district", district), ("need", need)) if value
    )
    src = escape(lotse_url.rstrip("/") + "/widget.js")
    return f"""<!doctype html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Stadtportal (Beispiel) – Hilfe finden</title>
  <link rel="stylesheet" href="/demo.css">
</head>
<body>
  <header><p>Stadtportal (Beispielseite eines anderen Servers)</p></header>
  <main>
    <h1>Hilfe und Beratung</h1>
    <p>Diese Seite gehört nicht zu Lotse. Das Suchfeld unten kommt mit einem Script-Tag von Lotse.</p>
    <script src="{src}"{attributes} defer></script>
    <p class="box">Ein Absatz der Gastseite mit der Klasse „box“: Stile des Suchfelds wirken hier nicht.</p>
  </main>
</body>
</html>
"""


class _DemoHandler(BaseHTTPRequestHandler):
    """Serves the demo page and its stylesheet; nothing else."""

    server: DemoServer

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/":
            self._send(200, "text/html; charset=utf-8", self.server.page.encode())
        elif path == "/demo.css":
            self._send(200, "text/css; charset=utf-8", DEMO_CSS.encode())
        else:
            self._send(404, "text/plain; charset=utf-8", b"Nicht gefunden.")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the demo quiet."""


class DemoServer(ThreadingHTTPServer):
    """A tiny second origin that serves a page embedding the widget (for the README demo and the tests)."""

    daemon_threads = True

    def __init__(
        self,
        host: str,
        port: int,
        lotse_url: str,
        district: str | None = None,
        need: str | None = None,
    ) -> None:
        super().__init__((host, port), _DemoHandler)
        self.page = demo_page(lotse_url, district, need)

    @property
    def url(self) -> str:
        """Return the demo page's address."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> threading.Thread:
        """Serve in a daemon thread (stop with shutdown())."""
        thread = threading.Thread(target=self.serve_forever, name="lotse-widget-demo", daemon=True)
        thread.start()
        return thread
