"""editqa: checks articles and their translations before they are published."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
