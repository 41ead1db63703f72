"""Benchmarks: figures and ratios, never timed assertions (see docs/performance.md)."""
