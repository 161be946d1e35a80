"""Benchmarks of `make bench` (figures, not tests)."""
