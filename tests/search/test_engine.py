"""The query engine on small indexes built here: what a young person typing on a phone finds.

Each test builds its own Whoosh index in a temporary directory (documents shaped like
documents.document_for) and searches it with engine.search, the function run_query calls on the
portal's current index.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from whoosh import index as whoosh_index

from portal.search.documents import document_for
from portal.search.engine import search, warm_up
from portal.search.schema import build_schema
from portal.search.segments import Lru
from portal.search.types import SearchFilters, Sort

TODAY = date(2026, 11, 25)
PHNOM_PENH, SIEM_REAP, PURSAT, KAMPONG_CHHNANG, SIHANOUK = "12", "17", "15", "04", "18"


class Index:
    """A throw-away index: `add` openings, then `search` them."""

    def __init__(self, path):
        self.ix = whoosh_index.create_in(str(path), build_schema())
        self.pending: list[dict] = []
        self.ids = itertools.count(1)
        self.titles: dict[int, str] = {}

    def add(self, title: str, **fields) -> int:
        opening_id = next(self.ids)
        published = datetime(2026, 11, 1) + timedelta(hours=opening_id)
        document = {
            "id": str(opening_id),
            "ref": f"R{opening_id}",
            "kind": "job",
            "status": "published",
            "province": PHNOM_PENH,
            "organization_id": 1,
            "title": title,
            "skills": "",
            "organization": "Sok Heng Trading",
            "description": "",
            "salary_min_usd": 0,
            "closing_date": datetime(9999, 12, 31),
            "created_at": published,
            "published_at": published,
        }
        document.update(fields)
        self.pending.append(document)
        self.titles[opening_id] = title
        return opening_id

    def commit(self) -> None:
        if self.pending:
            with self.ix.writer() as writer:
                for document in self.pending:
                    writer.update_document(**document)
            self.pending = []

    def delete(self, opening_id: int) -> None:
        with self.ix.writer() as writer:
            writer.delete_by_term("id", str(opening_id))

    def search(self, text: str = "", **filters):
        self.commit()
        filters.setdefault("today", TODAY)
        with self.ix.searcher() as searcher:
            return search(searcher, text, SearchFilters(**filters))

    def found(self, text: str = "", **filters) -> list[str]:
        """The titles found, best first."""
        return [self.titles[i] for i in self.search(text, **filters).ids]


@pytest.fixture
def openings(tmp_path) -> Index:
    return Index(tmp_path)


# --- typing mistakes ----------------------------------------------------------------------------


def test_a_mistyped_query_finds_the_opening_and_says_what_it_understood(openings):
    openings.add("Motorbike Mechanic")
    openings.add("Cook")

    result = openings.search("motorbik mechanc")

    assert [openings.titles[i] for i in result.ids] == ["Motorbike Mechanic"]
    assert result.did_you_mean == "motorbike mechanic"


def test_one_typo_is_forgiven_from_five_letters_two_from_nine(openings):
    openings.add("Plumber")
    openings.add("Electrician")

    assert openings.found("plumbr") == ["Plumber"]  # 6 letters, 1 typo
    assert openings.found("plxmbxr") == []  # 7 letters, 2 typos
    assert openings.found("elektrisian") == ["Electrician"]  # 11 letters, 2 typos
    assert openings.found("mehcanic") == []  # nothing near enough in this index


def test_short_words_never_turn_into_other_words(openings):
    openings.add("Bar staff")
    openings.add("Car washer")

    assert openings.found("bat") == []
    assert openings.found("cat") == []
    assert openings.search("bat").did_you_mean is None


def test_the_word_typed_ranks_above_words_it_was_corrected_to(openings):
    for _ in range(12):
        openings.add("Cashier")
    exact = openings.add("Shop assistant", organization="Cashir Mini Mart")

    result = openings.search("cashir")

    assert result.ids[0] == exact
    assert result.total == 13
    assert result.did_you_mean == "cashier"


def test_a_word_that_is_right_is_not_corrected(openings):
    openings.add("Baker")
    openings.add("Banker")

    assert openings.found("baker") == ["Baker"]
    assert openings.search("baker").did_you_mean is None


# --- provinces written in the words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "province"),
    [
        ("cook siem riep", SIEM_REAP),
        ("cook Siem Reap province", SIEM_REAP),
        ("cook PP", PHNOM_PENH),
        ("cook Kg. Chhnang", KAMPONG_CHHNANG),
        ("Purset cook", PURSAT),
        ("cook ពោធិ៍សាត់", PURSAT),
        ("cook kampong som", SIHANOUK),
        ("cook in Siem Reap", SIEM_REAP),
    ],
)
def test_a_province_in_the_words_filters_by_province(openings, query, province):
    for code in (PHNOM_PENH, SIEM_REAP, PURSAT, KAMPONG_CHHNANG, SIHANOUK):
        openings.add(f"Cook {code}", province=code)

    result = openings.search(query)

    assert result.province_from_text == province
    assert [openings.titles[i] for i in result.ids] == [f"Cook {province}"]
    assert result.text_used == "cook"


def test_ordinary_words_are_never_taken_for_a_province(openings):
    openings.add("Sewing Machine Operator", province=SIEM_REAP)
    openings.add("Sales rep", province=PURSAT)
    openings.add("Cooking teacher", province=PURSAT)

    for query in ("sewing", "sales rep", "cooking"):
        result = openings.search(query)
        assert result.province_from_text is None, query
        assert result.total == 1, query


def test_the_province_chosen_in_the_form_wins_over_one_in_the_words(openings):
    openings.add("Cook", province=SIEM_REAP)
    pursat = openings.add("Cook", province=PURSAT)

    result = openings.search("cook siem reap", province=PURSAT)

    assert (result.ids, result.province_from_text, result.text_used) == ([pursat], None, "cook")


def test_only_a_province_lists_that_province_newest_first(openings):
    openings.add("Cook", province=SIEM_REAP)
    openings.add("Waiter", province=SIEM_REAP)
    openings.add("Driver", province=PURSAT)

    assert openings.found("Siem Reap") == ["Waiter", "Cook"]


# --- Khmer and the vocabulary -------------------------------------------------------------------


def test_a_khmer_word_finds_a_longer_khmer_title_containing_it(openings):
    openings.add("ត្រូវការជាងកាត់ដេរ ២០នាក់")  # "needed: 20 sewing workers"
    openings.add("ចុងភៅ")  # cook

    assert openings.found("កាត់ដេរ") == ["ត្រូវការជាងកាត់ដេរ ២០នាក់"]


def test_khmer_finds_english_and_english_finds_khmer_through_the_vocabulary(openings):
    openings.add("Sewing Machine Operator")
    openings.add("ជាងជួសជុលម៉ូតូ")  # motorbike repairer
    openings.add("Cook")

    assert openings.found("ជាងកាត់ដេរ") == ["Sewing Machine Operator"]
    assert openings.found("motorbike mechanic") == ["ជាងជួសជុលម៉ូតូ"]


def test_moto_repair_finds_motorbike_mechanics_below_literal_matches(openings):
    openings.add("Motorbike Mechanic")
    literal = openings.add("Moto repair shop helper")
    openings.add("Phone seller")

    found = openings.search("moto repair").ids

    assert found[0] == literal
    assert [openings.titles[i] for i in found] == ["Moto repair shop helper", "Motorbike Mechanic"]


def test_the_words_of_a_trade_may_come_in_any_order_or_with_extra_words(openings):
    openings.add("Motorbike Mechanic")
    openings.add("Phone Repair Technician")
    openings.add("Motorbike Spare Parts Seller")

    assert openings.found("mechanic motorbike") == ["Motorbike Mechanic"]
    assert openings.found("mechanic motorbik") == ["Motorbike Mechanic"]
    assert openings.found("mobile phone repair") == ["Phone Repair Technician"]


def test_a_khmer_word_is_found_where_khmercut_kept_it_inside_a_longer_word(openings):
    openings.add("ជំនួយការគិលានុបដ្ឋាក")  # nurse assistant: one word for khmercut
    openings.add("ចុងភៅ")

    assert openings.found("គិលានុបដ្ឋាក") == ["ជំនួយការគិលានុបដ្ឋាក"]  # nurse


def test_a_synonym_in_the_title_beats_the_word_only_in_the_description(openings):
    openings.add("Palm Sugar Producer", description="Climb palm trees and cook palm sugar.")
    openings.add("Chef de Partie")

    assert openings.found("cook") == ["Chef de Partie", "Palm Sugar Producer"]


def test_words_in_the_title_count_more_than_in_the_description(openings):
    openings.add("Shop assistant", description="Our shop sells welder masks.")
    openings.add("Welder")

    assert openings.found("welder") == ["Welder", "Shop assistant"]


# --- filters, facets, pages, sorting ------------------------------------------------------------


def test_closed_expired_and_unpublished_openings_are_hidden(openings):
    openings.add("Cook open")
    openings.add("Cook closed", status="closed")
    openings.add("Cook expired", closing_date=datetime(2026, 11, 24))
    openings.add("Cook closing today", closing_date=datetime(2026, 11, 25))
    for status in ("draft", "pending_review", "rejected"):
        openings.add(f"Cook {status}", status=status)

    assert sorted(openings.found("cook")) == ["Cook closing today", "Cook open"]
    assert sorted(openings.found("cook", include_closed=True)) == [
        "Cook closed",
        "Cook closing today",
        "Cook expired",
        "Cook open",
    ]
    assert sorted(openings.found("", include_closed=True)) == sorted(
        openings.found("cook", include_closed=True)
    )


def test_filters_by_kind_province_organization_and_minimum_salary(openings):
    openings.add("Cook A", kind="internship")
    openings.add("Cook B", province=SIEM_REAP)
    openings.add("Cook C", organization_id=7)
    openings.add("Cook D", salary_min_usd=300)
    openings.add("Cook E", salary_min_usd=150)

    assert openings.found("cook", kind="internship") == ["Cook A"]
    assert openings.found("cook", province=SIEM_REAP) == ["Cook B"]
    assert openings.found("cook", organization_id=7) == ["Cook C"]
    assert openings.found("cook", min_salary_usd=200) == ["Cook D"]


def test_facets_count_the_whole_answer_not_only_the_page(openings):
    for n in range(5):
        openings.add(f"Cook {n}", province=SIEM_REAP)
    for n in range(3):
        openings.add(f"Cook course {n}", kind="course")
    openings.add("Driver")

    result = openings.search("cook", per_page=2)

    assert len(result.hits) == 2
    assert result.total == 8
    assert result.facets == {
        "kind": {"job": 5, "course": 3},
        "province": {SIEM_REAP: 5, PHNOM_PENH: 3},
    }


def test_pages_follow_each_other_without_repeats(openings):
    for n in range(7):
        openings.add(f"Waiter {n}")

    pages = [openings.search("waiter", per_page=3, page=p) for p in (1, 2, 3, 4)]

    ids = [i for page in pages for i in page.ids]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 7
    assert [len(p.hits) for p in pages] == [3, 3, 1, 0]
    assert pages[0].pages == 3


def test_sort_by_newest_puts_the_last_published_first(openings):
    openings.add("Waiter", description="waiter waiter")
    openings.add("Waiter assistant", published_at=datetime(2026, 11, 20))
    openings.add("Head waiter", published_at=datetime(2026, 11, 2))

    assert openings.found("waiter", sort=Sort.NEWEST) == [
        "Waiter assistant",
        "Head waiter",
        "Waiter",
    ]


def test_an_empty_query_lists_every_published_opening_newest_first(openings):
    openings.add("Cook")
    openings.add("Waiter")
    openings.add("Draft", status="draft")

    result = openings.search("")

    assert [openings.titles[i] for i in result.ids] == ["Waiter", "Cook"]
    assert result.total == 2 and result.did_you_mean is None
    assert openings.found("the jobs") == ["Waiter", "Cook"]  # only words that say nothing


def test_a_word_found_nowhere_finds_nothing(openings):
    openings.add("Cook")

    result = openings.search("xylophone")

    assert result.ids == [] and result.total == 0


def test_an_opening_deleted_or_changed_shows_on_the_next_search(openings):
    cook = openings.add("Cook")
    openings.add("Waiter")
    assert openings.found("cook") == ["Cook"]

    openings.delete(cook)
    assert openings.found("cook") == []

    openings.add("Cook again")
    assert openings.found("cook") == ["Cook again"]


def test_a_worker_can_load_everything_before_its_first_search(openings):
    openings.add("Cook")
    openings.commit()
    with openings.ix.searcher() as searcher:
        warm_up(searcher)
    warm_up()

    assert openings.found("cook") == ["Cook"]


def test_an_empty_index_answers_nothing(openings):
    result = openings.search("cook")

    assert (result.ids, result.total, result.facets) == ([], 0, {"kind": {}, "province": {}})
    assert openings.search("").total == 0


def test_a_very_long_query_is_answered(openings):
    openings.add("Cook")

    assert openings.search("cook " * 1000).total == 1


# --- the document of an opening -----------------------------------------------------------------


def test_salaries_in_riel_are_compared_in_dollars(make_opening):
    opening = make_opening(salary_min=1_025_000, salary_max=1_230_000, currency="KHR")

    document = document_for(opening)

    assert document["salary_min_usd"] == 250
    assert document["title"] == opening.title and document["id"] == str(opening.id)


def test_the_engine_caches_stay_within_their_memory_budget():
    cache = Lru(size=10, weigh=len, budget=5)
    for n in range(5):
        assert cache.get(n, lambda: frozenset(range(3))) == frozenset(range(3))

    assert cache.weight <= 5 and list(cache.items) == [4]


def test_a_page_of_openings_holding_the_words_in_their_title_is_the_page_full_scoring_gives(
    openings, monkeypatch
):
    """When the openings scoring the most any can (every word in the title) fill the page, the
    others are not scored: the page, its order and its scores are what scoring every match
    gives, on every page, for words as typed, typo'd, synonyms and two-word trades."""
    import portal.search.engine as engine

    for n in range(40):
        # batches published in the same second, not in the order of their ids
        published = datetime(2026, 11, 1) + timedelta(hours=(n * 7 % 40) // 3)
        province = SIEM_REAP if n % 4 == 0 else PHNOM_PENH
        openings.add(f"Waiter {n}", published_at=published, province=province)
        openings.add(f"Cook {n}", description="helps the waiter", published_at=published)
        openings.add(f"Motorbike mechanic {n}", skills="motorbike repair", published_at=published)
        if n % 5 == 0:
            openings.add(
                "Restaurant staff", description="waiter or waitress", published_at=published
            )
    openings.commit()
    tiers = []  # how many openings each search found scoring the most
    best_tier = engine.best_tier

    def counted(*args):
        tier, score = best_tier(*args)
        tiers.append(len(tier))
        return tier, score

    monkeypatch.setattr(engine, "best_tier", counted)
    queries = ["waiter", "waitr", "waiter siem reap", "motorbike mechanic", "moto repair", "cook"]
    pages = [(q, page) for q in queries for page in (1, 2, 3, 9)]
    quick = [openings.search(q, per_page=7, page=page).hits for q, page in pages]
    monkeypatch.setattr(engine, "best_tier", lambda catalog, groups, found: (found[:0], 0.0))
    scored = [openings.search(q, per_page=7, page=page).hits for q, page in pages]

    assert quick == scored
    assert sum(1 for size in tiers if size >= 7) >= 8  # the page came from the best often
    assert sum(1 for hits in quick if hits) > 15
