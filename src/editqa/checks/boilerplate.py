"""Web-page debris around an article (menus, breadcrumbs, share and rating widgets).

Reports each run of consecutive boilerplate blocks once, suggesting to delete it. What counts
as boilerplate is decided by the extractor (see `document.plain`).
"""

from __future__ import annotations

from collections.abc import Iterator

from editqa.checks.base import CheckContext
from editqa.model import BlockKind, Category, Finding, FixSafety, Severity


class BoilerplateCheck:
    name = "boilerplate"

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        """The span of a run reaches to the next block (or the end of the text), so that
        deleting it leaves no empty lines behind."""
        run: list[tuple[int, int]] = []
        text_end = len(ctx.document.text)
        for block in (*ctx.document.blocks, None):
            if block is not None and block.kind is BlockKind.BOILERPLATE:
                run.append((block.start, block.end))
                continue
            if run:
                end = block.start if block is not None else text_end
                yield ctx.finding(
                    rule_id="document.boilerplate",
                    source="document",
                    category=Category.MARKUP,
                    severity=Severity.WARNING,
                    message=(
                        "Web-page debris (navigation, share or rating widgets, page stamps), "
                        f"{len(run)} line(s), not part of the article: remove it."
                    ),
                    start=run[0][0],
                    end=end,
                    suggestions=("",),
                    fix_safety=FixSafety.SUGGEST,
                )
                run = []
