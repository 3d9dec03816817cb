"""Checks: every check is `run(ctx) -> Iterable[Finding]` and never prints or edits."""
