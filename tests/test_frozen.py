"""direct_init: the faster __init__ of the per-mention frozen dataclasses behaves like
the one dataclasses generates (same signature, defaults, errors, immutability), and
_frozen.replace like dataclasses.replace."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, make_dataclass
from typing import Any

import pytest

from tzsched._frozen import direct_init, replace
from tzsched.resolve import _Zone
from tzsched.types import Annotation, Dateline, Link, Mention, Note, Reading, Resolution, Said
from tzsched.zones import WallResult

CLASSES = [Note, Said, Reading, Resolution, Mention, Link, Annotation, Dateline, WallResult, _Zone]


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


def _filled(cls: type) -> object:
    """An instance of ``cls`` with a distinct value in every field (the classes do not
    check types)."""
    return cls(**{f.name: f"given {f.name}" for f in dataclasses.fields(cls)})


def _values(obj: object) -> list[object]:
    return [getattr(obj, f.name) for f in dataclasses.fields(obj)]  # type: ignore[arg-type]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_replace_changes_each_field_as_dataclasses_replace_does(cls: type) -> None:
    obj = _filled(cls)
    before = _values(obj)
    for f in dataclasses.fields(cls):
        mine = replace(obj, **{f.name: ("changed", f.name)})
        theirs = dataclasses.replace(obj, **{f.name: ("changed", f.name)})
        assert type(mine) is cls
        assert mine == theirs and _values(mine) == _values(theirs)
        assert getattr(mine, f.name) == ("changed", f.name)
        assert sum(a != b for a, b in zip(_values(mine), before, strict=True)) == 1
    assert _values(obj) == before  # the original is untouched


def test_replace_of_several_fields_and_of_none() -> None:
    said = Said(year=2025, month=5, day=19, hour=17, zone_text="EST", amount=2.5, fiscal=True)
    changes = {"month": 6, "day": 1, "zone_text": None, "fiscal": False}
    assert replace(said, **changes) == dataclasses.replace(said, **changes)
    same = replace(said)
    assert same == said and same is not said
    res = Resolution("DATE", "2025-05-19", "day", notes=(Note("a", "b"),))
    assert replace(res, value="2025-05-20", approximate=True) == \
        dataclasses.replace(res, value="2025-05-20", approximate=True)


def test_replaced_objects_stay_frozen_hashable_and_picklable() -> None:
    note = replace(Note("dst_gap", "no such wall time", ("a", "b")), message="another")
    with pytest.raises(FrozenInstanceError):
        note.code = "x"  # type: ignore[misc]
    assert hash(note) == hash(Note("dst_gap", "another", ("a", "b")))
    said = replace(Said(hour=9), minute=45, mod="APPROX")
    assert pickle.loads(pickle.dumps(said)) == said


def test_replace_refuses_what_dataclasses_replace_refuses() -> None:
    said = Said(hour=9)
    for call in (dataclasses.replace, replace):
        with pytest.raises(TypeError, match="hours"):
            call(said, hours=5)
        with pytest.raises(TypeError):
            call(said, 5)  # type: ignore[operator]


def test_replace_needs_a_direct_init_class() -> None:
    @dataclass(frozen=True, slots=True)
    class Plain:
        a: int

    with pytest.raises(TypeError, match="direct_init"):
        replace(Plain(1), a=2)


def test_refuses_field_names_the_generated_code_uses() -> None:
    @dataclass(frozen=True, slots=True)
    class Clash:
        a: int
        _set_a: int

    with pytest.raises(TypeError, match="_set_a"):
        direct_init(Clash)


def _wide(name: str, n: int) -> Any:
    """A frozen, slotted dataclass of ``n`` int fields f0, f1, ... (f1 on with defaults)."""
    spec: list[Any] = [("f0", int), *((f"f{i}", int, field(default=i)) for i in range(1, n))]
    return make_dataclass(name, spec, frozen=True, slots=True)


@pytest.mark.parametrize("n", [1, 5, 6, 30])
def test_instances_have_their_own_class_and_layout_whatever_the_width(n: int) -> None:
    # from six fields on, __init__ stores through an open twin of the class (see _frozen)
    cls = direct_init(_wide(f"Wide{n}", n))
    twin = _standard_twin(cls)
    obj = cls(7)
    assert type(obj) is cls and obj.__class__ is cls
    assert dataclasses.astuple(obj) == dataclasses.astuple(twin(7))
    with pytest.raises(FrozenInstanceError):
        obj.f0 = 8
    moved = replace(obj, f0=8)
    assert type(moved) is cls and dataclasses.astuple(moved) == (8, *range(1, n))
    assert copy.deepcopy(moved) == moved and hash(moved) == hash(cls(8))  # (made here: not picklable by name)
    with pytest.raises(TypeError):
        cls()  # the required field is missing; nothing is made


def test_a_subclass_instance_keeps_its_class() -> None:
    base = direct_init(_wide("WideBase", 8))

    class Sub(base):  # type: ignore[misc, valid-type]
        def doubled(self) -> int:
            return 2 * int(self.f0)

    sub = Sub(21)
    assert type(sub) is Sub and sub.doubled() == 42 and dataclasses.astuple(sub) == (21, *range(1, 8))


def test_refuses_a_field_named_type() -> None:
    @dataclass(frozen=True, slots=True)
    class Typed:
        a: int
        type: str

    with pytest.raises(TypeError, match="type"):
        direct_init(Typed)



class _Mixin:
    """A base with a method and no slots (its instances get a __dict__)."""

    def first(self) -> int:
        return int(self.f0)  # type: ignore[attr-defined]


def test_a_class_with_a_base_is_made_through_the_setters() -> None:
    # the open twin derives from object alone: its layout would not match
    spec: list[Any] = [("f0", int), *((f"f{i}", int, field(default=i)) for i in range(1, 8))]
    cls = direct_init(make_dataclass("WideMixed", spec, bases=(_Mixin,), frozen=True, slots=True))
    obj = cls(5)
    assert type(obj) is cls and obj.first() == 5 and dataclasses.astuple(obj) == (5, *range(1, 8))
    assert dataclasses.astuple(replace(obj, f7=0)) == (5, *range(1, 7), 0)
