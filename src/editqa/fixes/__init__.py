"""Fixes as data: choosing edits (resolve), applying them (apply), showing them (diff)."""
