"""The project's closed vocabulary (``cppcc:``), as an rdflib DefinedNamespace, and the prefixes.

Every term used by the export is declared here and in ``ontology/cppcc.ttl``; a typo raises
AttributeError at import time instead of silently minting a new IRI.  ``PREFIXES`` is the one
list of prefixes used by the Turtle/TriG writers, the JSON-LD context, the SPARQL prologue of
:mod:`kg.query` and the endpoint, so that they never disagree.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace("https://w3id.org/cppcc-kg/id/")

ONTOLOGY_NS = "https://w3id.org/cppcc-kg/ontology#"
ID_NS = "https://w3id.org/cppcc-kg/id/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"

# prefix -> namespace, in the order they are written.  ``id`` is the resources' namespace.
PREFIXES: dict[str, str] = {
    "cppcc": ONTOLOGY_NS,
    "dcterms": "http://purl.org/dc/terms/",
    "id": ID_NS,
    "oa": str(OA),
    "org": str(ORG),
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": str(PROV),
    "rdf": RDF_NS,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": str(SCHEMA),
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": SKOS_NS,
    "xsd": XSD_NS,
}


class CPPCC(DefinedNamespace):
    """Terms of ``https://w3id.org/cppcc-kg/ontology#`` (documented in ontology/cppcc.ttl)."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # entity classes
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
    Post: URIRef
    # provenance classes
    Article: URIRef
    Evidence: URIRef
    Mention: URIRef
    Assertion: URIRef
    NormalisedTextPositionSelector: URIRef
    RawTextPositionSelector: URIRef
    # relations between entities
    region: URIRef
    runs: URIRef
    partOf: URIRef
    organOf: URIRef
    claims: URIRef
    heldBy: URIRef
    issuedBy: URIRef
    cooperatesWith: URIRef
    # entity attributes
    divisionCode: URIRef
    level: URIRef
    inferred: URIRef
    postKind: URIRef
    counted: URIRef
    approximate: URIRef
    quotedText: URIRef
    # provenance attributes
    sentence: URIRef
    surface: URIRef
    path: URIRef
    contentHash: URIRef
    encoding: URIRef
    derivation: URIRef
