"""direct_init: the faster __init__ of the per-mention frozen dataclasses behaves like
the one dataclasses generates (same signature, defaults, errors, immutability)."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, make_dataclass

import pytest

from tzsched._frozen import direct_init
from tzsched.resolve import _Zone
from tzsched.types import Link, Mention, Note, Reading, Resolution, Said
from tzsched.zones import WallResult

CLASSES = [Note, Said, Reading, Resolution, Mention, Link, WallResult, _Zone]


def _standard_twin(cls: type) -> type:
    """The same fields in a dataclass with the generated __init__."""
    spec = [(f.name, f.type, field(default=f.default)) if f.default is not dataclasses.MISSING else (f.name, f.type)
            for f in dataclasses.fields(cls)]
    return make_dataclass(cls.__name__ + "Twin", spec, frozen=True, slots=True)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_signature_is_the_generated_one(cls: type) -> None:
    mine = inspect.signature(cls)
    theirs = inspect.signature(_standard_twin(cls))
    assert [(p.name, p.default, p.kind) for p in mine.parameters.values()] == \
        [(p.name, p.default, p.kind) for p in theirs.parameters.values()]


def test_said_stores_what_it_is_given_and_defaults_the_rest() -> None:
    twin = _standard_twin(Said)
    kwargs = {"hour": 17, "minute": 0, "zone_text": "Moscow time", "fiscal": True, "amount": 2.5}
    mine, theirs = Said(**kwargs), twin(**kwargs)
    assert dataclasses.astuple(mine) == dataclasses.astuple(theirs)
    assert Said(2025, 5, 19).day == 19 and Said(2025, 5, 19).hour is None
    assert Said().fiscal is False


def test_positional_and_keyword_arguments_agree() -> None:
    note = Note("dst_gap", "no such wall time")
    assert note == Note(code="dst_gap", message="no such wall time")
    assert hash(note) == hash(Note(code="dst_gap", message="no such wall time"))


def test_bad_calls_raise_type_error_like_the_generated_init() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'hours'"):
        Said(hours=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="missing"):
        Note("only_a_code")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Note("a", "b", ("c",), "d")  # type: ignore[call-arg]


def test_still_frozen_picklable_and_replaceable() -> None:
    said = Said(hour=9, minute=30)
    with pytest.raises(FrozenInstanceError):
        said.hour = 10  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(said)) == said
    moved = dataclasses.replace(said, hour=10)
    assert (moved.hour, moved.minute, said.hour) == (10, 30, 9)


def test_refuses_classes_it_cannot_copy_faithfully() -> None:
    @dataclass(slots=True)
    class Mutable:
        a: int

    @dataclass(frozen=True, slots=True)
    class WithPostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class WithFactory:
        a: list[int] = field(default_factory=list)

    @dataclass(frozen=True)
    class NoSlots:
        a: int

    for cls, why in ((Mutable, "not a frozen"), (WithPostInit, "__post_init__"), (WithFactory, "plain defaults"),
                     (NoSlots, "not a frozen")):
        with pytest.raises(TypeError, match=why):
            direct_init(cls)
