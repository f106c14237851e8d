import pytest

from uncnm_portal.markdown import render_markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="http://169.254.169.254/latest/meta-data">',
        "![pixel](http://10.0.0.1/track.png)",
        "[link](javascript:alert(1))",
        '<a href="file:///etc/passwd">passwd</a>',
        '<link rel="attachment" href="file:///etc/passwd">',
        "<style>body{display:none}</style>",
        '<p style="background:url(http://evil)">x</p>',
        '<iframe src="https://example.org"></iframe>',
        '<a href="#" onclick="steal()">x</a>',
    ],
)
def test_hostile_markup_is_removed(hostile):
    html = render_markdown(hostile)
    for needle in ("<script", "<img", "javascript:", "file:", "<link", "<style", "style=", "<iframe", "onclick"):
        assert needle not in html


def test_ordinary_markdown_renders():
    html = render_markdown("# Heading\n\n**bold** and *italic*\n\n- one\n- two\n\n[IOM](https://www.iom.int)")
    assert "<h3>Heading</h3>" in html
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://www.iom.int" rel="noopener noreferrer nofollow">IOM</a>' in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
