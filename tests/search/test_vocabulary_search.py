"""Every occupation of the vocabulary can be searched for in either language (issue 16): its
usual Khmer name finds an opening written in English, and its English name one written in Khmer.
One small index holds, for each concept, an opening titled with its first English term and one
titled with its first Khmer term (tests/search/test_engine.py builds it)."""

from __future__ import annotations

import pytest

from portal.search.vocabulary import concepts
from tests.search.test_engine import Index


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> tuple[Index, dict[str, tuple[int, int]]]:
    index = Index(tmp_path_factory.mktemp("bilingual"))
    ids = {c.id: (index.add(c.english[0]), index.add(c.khmer[0])) for c in concepts()}
    index.commit()
    return index, ids


def test_every_occupation_s_khmer_name_finds_the_opening_written_in_english(bilingual):
    index, ids = bilingual
    missed = [
        (c.id, name)
        for c in concepts()
        for name in c.khmer
        if ids[c.id][0] not in index.search(name, per_page=50).ids
    ]
    assert not missed


def test_every_occupation_s_english_name_finds_the_opening_written_in_khmer(bilingual):
    index, ids = bilingual
    missed = [
        (c.id, name)
        for c in concepts()
        for name in c.english
        if ids[c.id][1] not in index.search(name, per_page=50).ids
    ]
    assert not missed
