"""Sozialplanung: where help is asked for, where it is offered, and where it is missing.

Plain Python over the database (no Flask): periods, demand (the question counts), supply (the offers),
the privacy rule for small cells, charts and the quarterly report.
"""
