"""PROV exports read back with the `prov` package."""
from __future__ import annotations

from collections import Counter

import pytest
from prov.model import PROV, PROV_ATTR_AGENT, PROV_ATTR_ENTITY, PROV_ATTR_GENERATED_ENTITY, \
    PROV_ATTR_USED_ENTITY, ProvAgent, ProvAttribution, ProvDerivation, ProvDocument, ProvEntity

from test_export_db import small  # noqa: F401  (fixture)


def load(fmt: str, data: str) -> ProvDocument:
    if fmt == "json":
        return ProvDocument.deserialize(content=data, format="json")
    return ProvDocument.deserialize(content=data, format="rdf", rdf_format="turtle")


def types(record) -> set[str]:
    return {str(v) for v in record.get_asserted_types()}


def census(doc: ProvDocument) -> dict:
    records = doc.get_records()
    entities = Counter()
    for e in doc.get_records(ProvEntity):
        kind = types(e) & {"schema:Claim", "schema:NewsArticle", "pv:Statement", "pv:Report", "pv:Document"}
        entities[kind.pop() if kind else "?"] += 1
    agents = Counter()
    for a in doc.get_records(ProvAgent):
        agents[(types(a) & {"prov:Person", "prov:Organization"}).pop()] += 1
    derivations = [r for r in records if isinstance(r, ProvDerivation)]
    quotations = [d for d in derivations if "prov:Quotation" in types(d)]
    paraphrases = [d for d in derivations if "pv:Paraphrase" in types(d)]
    return {"entities": entities, "agents": agents, "quotations": len(quotations), "paraphrases": len(paraphrases),
            "derivations": len(derivations) - len(quotations) - len(paraphrases),
            "attributions": len(list(doc.get_records(ProvAttribution)))}


@pytest.mark.parametrize("fmt", ["json", "turtle"])
def test_prov_reads_back_with_entities_agents_and_relations(small, fmt):
    doc = load(fmt, small.export("prov", "--format", fmt))
    c = census(doc)
    assert c["entities"] == {"schema:Claim": 6, "pv:Statement": 6, "schema:NewsArticle": 2, "pv:Report": 2}
    # speakers: 3 people (one anonymous) + the press service; outlets: 3 organisations
    assert c["agents"] == {"prov:Person": 3, "prov:Organization": 1 + 3}
    assert c["quotations"] == 1  # the one direct claim wasQuotedFrom its statement
    assert c["paraphrases"] == 5  # an indirect claim is no quotation: derived, typed pv:Paraphrase
    # claim<-article (6), report.0<-statement, report.1<-report.0, claim<-report.1
    assert c["derivations"] == 6 + 3
    # articles->outlet (2), statements->speaker (5 resolved), reports->outlet (2)
    assert c["attributions"] == 2 + 5 + 2


def test_relay_chain_runs_from_the_speaker_outwards(small):
    doc = load("json", small.export("prov", "--format", "json"))
    derived = {}
    for d in doc.get_records(ProvDerivation):
        if not types(d) & {"prov:Quotation", "pv:Paraphrase"}:
            gen, used = d.get_attribute(PROV_ATTR_GENERATED_ENTITY), d.get_attribute(PROV_ATTR_USED_ENTITY)
            derived.setdefault(str(next(iter(gen))), set()).add(str(next(iter(used))))
    assert derived["report:c4.0"] == {"statement:c4"}
    assert derived["report:c4.1"] == {"report:c4.0"}
    assert derived["claim:c4"] == {"article:2", "report:c4.1"}
    by = {}
    for a in doc.get_records(ProvAttribution):
        by[str(next(iter(a.get_attribute(PROV_ATTR_ENTITY))))] = str(next(iter(a.get_attribute(PROV_ATTR_AGENT))))
    labels = {str(a.identifier): a.label for a in doc.get_records(ProvAgent)}
    assert [labels[by[f"report:c4.{i}"]] for i in (0, 1)] == ["Example Wire", "Ukrinform"]
    assert labels[by["statement:c4"]] == "the press service"


def test_prov_types_are_qualified_names_not_strings(small):
    turtle = small.export("prov", "--format", "turtle")
    assert "a prov:Agent,\n        prov:Person" in turtle
    assert '"prov:Person"' not in turtle and '"schema:Claim"' not in turtle
    doc = load("turtle", turtle)
    claim = next(e for e in doc.get_records(ProvEntity) if str(e.identifier) == "claim:c2")
    assert PROV["value"] in dict(claim.attributes)


@pytest.mark.parametrize("fmt", ["json", "turtle", "provn"])
def test_prov_export_is_byte_identical_across_runs(small, fmt):
    first = small.export("prov", "--format", fmt)
    assert first and first == small.export("prov", "--format", fmt)


def test_provn_writes_quotations_as_typed_derivations(small):
    provn = small.export("prov", "--format", "provn")
    assert provn.count("[prov:type='prov:Quotation']") == 1
    assert provn.count("[prov:type='pv:Paraphrase']") == 5
    assert "wasQuotedFrom" not in provn  # PROV-N has no such keyword


def test_prov_speaker_filter(small):
    doc = load("json", small.export("prov", "--speaker", "Olena Vesna"))
    c = census(doc)
    assert c["entities"]["schema:Claim"] == 2 and c["agents"] == {"prov:Person": 1, "prov:Organization": 1}


def test_seed_prov_matches_the_database(seeded, seeded_sqlite, tmp_path):
    from sqlalchemy import create_engine, text

    path = tmp_path / "seeds.ttl"
    result = seeded("export", "prov", "--format", "turtle", "-o", path)
    assert result.exit_code == 0, result.output
    c = census(load("turtle", path.read_text(encoding="utf-8")))
    engine = create_engine(seeded_sqlite)
    with engine.connect() as conn:
        one = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
        claims = one("SELECT COUNT(*) FROM claims")
        relays = one("SELECT COUNT(*) FROM claim_relays")
        said = one("SELECT COUNT(*) FROM claims c JOIN speakers s ON s.id = c.speaker_id WHERE s.type != 'document'")
        from_documents = one("SELECT COUNT(*) FROM claims c JOIN speakers s ON s.id = c.speaker_id "
                             "WHERE s.type = 'document'")
        documents = one("SELECT COUNT(DISTINCT c.speaker_id) FROM claims c JOIN speakers s ON s.id = c.speaker_id "
                        "WHERE s.type = 'document'")
        quoted = one("SELECT COUNT(*) FROM claims WHERE kind IN ('direct', 'mixed')")
        published = one("SELECT COUNT(*) FROM sources WHERE outlet_id IS NOT NULL AND id IN "
                        "(SELECT source_id FROM claims)")
    engine.dispose()
    assert claims > 0
    assert c["entities"]["schema:Claim"] == c["entities"]["pv:Statement"] == claims
    assert c["quotations"] == quoted and c["paraphrases"] == claims - quoted
    assert c["entities"].get("pv:Report", 0) == relays
    assert c["entities"].get("pv:Document", 0) == documents > 0  # a plan or draft that "speaks" is an entity
    doc = load("turtle", path.read_text(encoding="utf-8"))
    document_ids = {str(e.identifier) for e in doc.get_records(ProvEntity) if "pv:Document" in types(e)}
    derived_from_documents = [d for d in doc.get_records(ProvDerivation)
                              if str(next(iter(d.get_attribute(PROV_ATTR_USED_ENTITY)))) in document_ids]
    assert len(derived_from_documents) == from_documents
    assert c["attributions"] == published + said + relays
