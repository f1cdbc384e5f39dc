"""The project's closed vocabulary (``cppcc:``), as an rdflib DefinedNamespace.

Every term used by the export is declared here and in ``ontology/cppcc.ttl``; a typo raises
AttributeError at import time instead of silently minting a new IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
ID = Namespace("https://w3id.org/cppcc-kg/id/")


class CPPCC(DefinedNamespace):
    _NS = Namespace("https://w3id.org/cppcc-kg/ontology#")
    _fail = True

    # classes
    CPPCCCommittee: URIRef
    AdministrativeRegion: URIRef
    Initiative: URIRef
    Brand: URIRef
    Programme: URIRef
    Person: URIRef
    CommitteeOrgan: URIRef
    Organisation: URIRef
    Meeting: URIRef
    Document: URIRef
    Figure: URIRef
    Article: URIRef
    Mention: URIRef
    # properties
    region: URIRef
    runs: URIRef
    divisionCode: URIRef
    level: URIRef
    partOf: URIRef
    inferred: URIRef
