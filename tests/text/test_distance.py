from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editqa.text.distance import edit_distance
from editqa.text.gazetteer import Gazetteer, is_near_miss

words = st.text(alphabet="abcdefgh", min_size=0, max_size=10)


def test_typing_aware_weights() -> None:
    assert edit_distance("adress", "address") == 0.5
    assert edit_distance("adress", "dress") == 1.0
    assert edit_distance("recieve", "receive") == 0.7
    assert edit_distance("humerous", "humorous") == 0.8
    assert edit_distance("kazakhsktan", "kazakhstan") == 1.0


@given(words, words)
def test_distance_is_symmetric_and_zero_only_on_equality(a: str, b: str) -> None:
    d = edit_distance(a, b, limit=20)
    assert d == edit_distance(b, a, limit=20)
    assert (d == 0) == (a == b)


@given(words)
def test_one_insertion_costs_at_most_one(a: str) -> None:
    assert edit_distance(a, a + "z", limit=5) <= 1


def test_near_miss_policy() -> None:
    assert is_near_miss("Kazakhsktan", "Kazakhstan")
    assert is_near_miss("Moscwo", "Moscow")  # a swap is allowed in short names
    assert not is_near_miss("Amara", "Amaru")  # other one-letter changes in short names are not
    assert not is_near_miss("Priya", "Oriya")  # first letters differ
    assert not is_near_miss("Ivanov", "Ivanovo")  # one extends the other


def test_gazetteer_index_finds_near_names() -> None:
    g = Gazetteer(["Kazakhstan", "Germany", "Birmingham", "New Zealand"])
    assert g.near("Kazakhsktan") == ["Kazakhstan"]
    assert g.near("Germnay") == ["Germany"]
    assert g.near("Zealnad") == ["Zealand"]
    assert g.near("Kazakhstan") == []
    assert "Birmingham" in g
