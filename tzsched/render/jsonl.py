"""One JSON Lines record per article: the ``tzsched extract --jsonl`` schema.

>>> from tzsched import Context, annotate
>>> ann = annotate("at noon ET", Context.parse("2025-05-16T09:00:00-04:00"))
>>> import json; json.loads(render(ann, "a1"))["mentions"][0]["utc_start"]
'2025-05-16T16:00:00Z'
"""

from __future__ import annotations

from typing import Any

from ..types import Annotation

__all__ = ["fragment", "render"]


def render(ann: Annotation, article_id: Any = None) -> str:
    """The record on one line, without a newline."""
    return ann.to_json(article_id)


def fragment(ann: Annotation, article_id: Any = None) -> str:
    return render(ann, article_id) + "\n"
