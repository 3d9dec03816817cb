"""Reporters: one module per output format behind one protocol."""

from __future__ import annotations

from editqa.report.base import Reporter, reporter_for

__all__ = ["Reporter", "reporter_for"]
