"""Checks built open data against the standards, for tests/standards.rs.

    python3 validate.py CATALOG.jsonld DATAPACKAGE.json SHAPES_DIR

Validates the catalogue with pyshacl against DCAT-AP 3.0 (SHAPES_DIR/dcat-ap-3.0.1)
and against DCAT-AP-NL 3.0 (those shapes together with SHAPES_DIR/dcat-ap-nl-3.0,
as the profile prescribes), and the data package with frictionless. Prints one JSON
object: for each check the number of violations (or errors) and their first messages.
"""

import json
import pathlib
import sys

import frictionless
import pyshacl
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

SH = Namespace("http://www.w3.org/ns/shacl#")


def shapes(*folders):
    g = Graph()
    for folder in folders:
        files = sorted(folder.glob("*.ttl"))
        if not files:
            sys.exit(f"no shapes in {folder}")
        for f in files:
            g.parse(f, format="turtle")
    return g


def shacl(data, shapes_graph):
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", allow_warnings=True
    )
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(r, SH.resultSeverity) != SH.Violation:
            continue
        violations.append(
            f"{results.value(r, SH.focusNode)} {results.value(r, SH.resultPath)}: "
            f"{results.value(r, SH.resultMessage)}"
        )
    return {"violations": len(violations), "messages": sorted(violations)[:20]}


def main():
    catalog, package, shapes_dir = (pathlib.Path(a) for a in sys.argv[1:4])
    data = Graph().parse(catalog, format="json-ld")
    if len(data) == 0:
        sys.exit(f"{catalog} holds no triples")
    eu = shapes(shapes_dir / "dcat-ap-3.0.1")
    nl = shapes(shapes_dir / "dcat-ap-3.0.1", shapes_dir / "dcat-ap-nl-3.0")
    report = frictionless.validate(str(package))
    errors = [e.message for task in report.tasks for e in task.errors] + [
        e.message for e in report.errors
    ]
    print(
        json.dumps(
            {
                "triples": len(data),
                "dcat-ap": shacl(data, eu),
                "dcat-ap-nl": shacl(data, nl),
                "frictionless": {
                    "errors": len(errors),
                    "rows": sum(t.stats.get("rows") or 0 for t in report.tasks),
                    "messages": errors[:20],
                },
            },
            indent=2,
        )
    )


main()
