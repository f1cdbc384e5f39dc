"""The HTML view: a self-contained pyvis page (no request leaves it).

First version: pyvis with its JavaScript inlined and every remote reference dropped.
Issue 6 turns it into the full explorer (legend, search, filters, evidence panel).
"""

from __future__ import annotations

import re

from kg.model import Corpus

COLOURS = {
    "CPPCCCommittee": "#c0392b",
    "AdministrativeRegion": "#2980b9",
    "Brand": "#8e44ad",
    "Programme": "#27ae60",
    "Person": "#e67e22",
}

_REMOTE = re.compile(r'<(?:link|script)[^>]+(?:href|src)="https?://[^"]*"[^>]*>(?:\s*</script>)?', re.I)


def render_html(corpus: Corpus) -> str:
    from pyvis.network import Network

    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for e in corpus.entities.values():
        net.add_node(e.iri, label=e.label, title=f"{e.cls}: {e.label}", color=COLOURS.get(e.cls, "#7f8c8d"))
    for f in corpus.facts:
        s, o = corpus.entities[f.subject].iri, corpus.entities[f.object].iri
        net.add_edge(s, o, title=f.predicate, label=f.predicate)
    html = net.generate_html()
    html = _REMOTE.sub("", html)
    if "<meta charset" not in html:
        html = html.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
    return html
