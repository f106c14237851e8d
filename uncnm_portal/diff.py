"""Word-level differences between two texts, as HTML with <del> and <ins>: plain, or Markdown rendered."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from uncnm_portal.markdown import render_markdown, sanitise

# A word with the white space that follows it, so that a changed run reads as one block.
TOKEN = re.compile(r"\S+\s*|\s+")


def _mark(tag: str, text: str) -> str:
    """Wrap text in <tag>, leaving its trailing white space outside the mark."""
    core = text.rstrip()
    return f"<{tag}>{escape(core)}</{tag}>{escape(text[len(core) :])}" if core else escape(text)


def _opcodes(a: list[str], b: list[str]):
    # Compare the words alone, so that "end" and "end " (a word that gained a follower) match.
    matcher = difflib.SequenceMatcher(a=[t.strip() for t in a], b=[t.strip() for t in b], autojunk=False)
    return matcher.get_opcodes()


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Return (old, new) as escaped HTML with removed words in <del> and added words in <ins>."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(escape(removed))
            right.append(escape(added))
            continue
        left.append(_mark("del", removed))
        right.append(_mark("ins", added))
    # Safe: every piece went through escape() in _mark() or above.
    return mark_safe("".join(left)), mark_safe("".join(right))


# Markdown: the changed words are wrapped in private-use characters, the text is rendered and
# sanitised as a narrative is, and only then do the characters become <del>/<ins> (a second
# sanitising pass balances a mark that crossed an element, e.g. half of a bold run).
OPEN, CLOSE = "\ue000", "\ue001"
SENTINELS = re.compile(f"[{OPEN}{CLOSE}]")
# A mark that starts a line goes after the line's block syntax, so lists and headings stay what they are.
BLOCK_START = re.compile(rf"(?m)^{OPEN}(\s*(?:[-*+]|\d+[.)]|#{{1,6}}|>)\s+)")


def _sentinel(text: str) -> str:
    """Wrap each line of text's words (never a line break: blocks keep their marks) in the sentinels."""
    core = text.rstrip()
    if not core:
        return text
    lines = (f"{OPEN}{line}{CLOSE}" if line.strip() else line for line in core.split("\n"))
    return "\n".join(lines) + text[len(core) :]


def _render_marked(text: str, tag: str) -> SafeString:
    html = BLOCK_START.sub(rf"\1{OPEN}", text)
    html = render_markdown(html).replace(OPEN, f"<{tag}>").replace(CLOSE, f"</{tag}>")
    # Safe: rendered and sanitised by render_markdown(), then again with the same allow-list.
    return mark_safe(sanitise(html))


def markdown_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Return (old, new) rendered as Markdown, removed words in <del> and added words in <ins>."""
    old, new = SENTINELS.sub("", old or ""), SENTINELS.sub("", new or "")
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        left.append(removed if op == "equal" else _sentinel(removed))
        right.append(added if op == "equal" else _sentinel(added))
    return _render_marked("".join(left), "del"), _render_marked("".join(right), "ins")
