"""GET /widget.js and the demo page of a second origin (the browser tests drive both in Chromium)."""

from __future__ import annotations

import urllib.request
from typing import Any

from lotse.web.widget import DemoServer, demo_page, widget_source


def test_widget_is_served_as_javascript(client: Any) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    assert response.data == widget_source()


def test_widget_may_be_loaded_by_other_origins(client: Any) -> None:
    response = client.get("/widget.js")
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_widget_sets_no_cookie(client: Any) -> None:
    assert "Set-Cookie" not in client.get("/widget.js").headers


def test_widget_never_writes_html_from_data() -> None:
    source = widget_source().decode()
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source and "document.write" not in source


def test_widget_sends_no_credentials() -> None:
    assert 'credentials: "omit"' in widget_source().decode()


def test_demo_page_embeds_the_widget_with_its_preset() -> None:
    page = demo_page("https://lotse.example/", "ost", "GEL.SCHULD")
    assert (
        '<script src="https://lotse.example/widget.js" data-district="ost" data-need="GEL.SCHULD" defer>'
        in page
    )


def test_demo_page_escapes_the_preset() -> None:
    assert 'data-district="&quot;&gt;&lt;script&gt;"' in demo_page("http://x", '"><script>')


def test_demo_server_serves_the_page_on_its_own_port() -> None:
    server = DemoServer("127.0.0.1", 0, "http://127.0.0.1:9")
    thread = server.start()
    try:
        with urllib.request.urlopen(server.url, timeout=10) as response:
            body = response.read().decode()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
    assert 'src="http://127.0.0.1:9/widget.js"' in body
