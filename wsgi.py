"""WSGI entry point: `gunicorn wsgi:app`."""

from lotse import create_app

app = create_app()
