"""Word-level differences between two texts, as HTML with <del> and <ins>."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A word with the white space that follows it, so that a changed run reads as one block.
TOKEN = re.compile(r"\S+\s*|\s+")


def _mark(tag: str, text: str) -> str:
    """Wrap text in <tag>, leaving its trailing white space outside the mark."""
    core = text.rstrip()
    return f"<{tag}>{escape(core)}</{tag}>{escape(text[len(core) :])}" if core else escape(text)


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Return (old, new) as escaped HTML with removed words in <del> and added words in <ins>."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    left, right = [], []
    # Compare the words alone, so that "end" and "end " (a word that gained a follower) match.
    matcher = difflib.SequenceMatcher(a=[t.strip() for t in a], b=[t.strip() for t in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(escape(removed))
            right.append(escape(added))
            continue
        left.append(_mark("del", removed))
        right.append(_mark("ins", added))
    # Safe: every piece went through escape() in _mark() or above.
    return mark_safe("".join(left)), mark_safe("".join(right))
