"""WSGI entry point: `gunicorn wsgi:app`."""

from lotse import create_app

app = create_app()
app.extensions["lotse"].check_rules()  # a missing or broken rules file stops the start
