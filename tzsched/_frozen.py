"""A faster ``__init__`` and ``replace`` for the frozen, slotted dataclasses made once per mention.

A frozen dataclass's generated ``__init__`` stores every field through
``object.__setattr__`` (its own ``__setattr__`` refuses), which looks that function up
and goes through the generic attribute machinery once per field: for :class:`Said`, 26
fields, that is most of the time a mention's resolution spends making objects.
:func:`direct_init` gives the class an ``__init__`` with the same signature and
behaviour that stores each field through its slot's own setter instead, about twice
as fast. Nothing else about the class changes: it stays frozen, equal, hashable,
picklable, and ``dataclasses.replace`` and ``fields`` work as before.

Setting a slot through its setter is still a call, with its arguments packed into a
tuple. For a class of six fields or more (:class:`Said`, :class:`Resolution`,
:class:`Mention`, ...) the generated ``__init__`` instead lets the new instance wear the
class of an "open twin" while it stores its fields: a plain class with the same slots
(so the same memory layout, which makes the switch legal) and no ``__setattr__`` of its
own, where ``self.field = value`` is the interpreter's plain slot store; the instance
then gets its own class back. Nothing outside ``__init__`` ever sees the twin.

``dataclasses.replace`` is slower still (about 4.8 us for a :class:`Said`): it walks
``fields()``, reads each field by name into a dict and calls the class with it.
:func:`direct_init` also gives the class a generated ``__replace__`` (the name Python
3.13's ``copy.replace`` calls) that takes each field as a keyword, keeps the ones not
given and stores them through the slots' setters (about 1.6 us); :func:`replace` calls
it, with the call shape and the result of ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Any, TypeVar

__all__ = ["direct_init", "replace"]

T = TypeVar("T")

# names the generated functions use besides the fields' own (see _check_names)
_NEW, _CLS, _KEEP_NAME, _OPEN, _SET_CLASS = "_new", "_cls", "_KEEP", "_open", "_set_class"

# a class's instances are made through its open twin (see _open_twin) from this many fields
# on: switching the class twice costs about what storing five fields through setters does
_OPEN_FROM = 6

# ``obj.__class__ = cls`` without the attribute lookup (the setter of object's __class__)
_class_setter = object.__dict__["__class__"].__set__


def _opens(cls: type, names: list[str]) -> bool:
    """Whether instances of ``cls`` are made through its open twin: when it has enough
    fields to gain, and derives from ``object`` alone (the twin does: a base's slots or
    ``__dict__`` would make their layouts differ, and the switch of class fail)."""
    return len(names) >= _OPEN_FROM and cls.__bases__ == (object,)


def _open_twin(cls: type) -> type:
    """A plain class with the same slots as ``cls`` and no ``__setattr__`` of its own.

    An instance of ``cls`` may switch to it and back (same slots, so the same layout):
    while it wears the twin's class, ``obj.field = value`` is the interpreter's plain
    slot store, which costs a fraction of a call of the slot's setter."""
    return type(f"{cls.__name__}Open", (), {"__slots__": cls.__dict__["__slots__"], "__module__": cls.__module__})


class _Keep:
    """The default of every keyword of a generated ``__replace__``: keep the field."""

    def __repr__(self) -> str:
        return "<keep>"


_KEEP = _Keep()


def direct_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of frozen, slotted dataclass ``cls`` and give it a
    ``__replace__`` (see module doc).

    Only for classes whose fields all go to ``__init__`` with a plain default or none,
    and without ``__post_init__``: anything else raises TypeError at import time, not
    a wrong object later.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if not is_dataclass(cls) or params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen, slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__, which direct_init does not call")
    names = [f.name for f in fields(cls)]
    _check_names(cls, names)
    args: list[str] = []
    setters: list[str] = []
    env: dict[str, Any] = {_CLS: cls, _OPEN: _open_twin(cls), _SET_CLASS: _class_setter}
    for f in fields(cls):
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: direct_init needs init fields with plain defaults")
        if f.default is MISSING:
            args.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        env[f"_set_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        setters.append(f"    _set_{f.name}(self, {f.name})")
    if not _opens(cls, names):
        body = setters
    else:
        # the instance wears its open twin's class while its fields are stored, then its own
        # (a subclass's instance, whose layout may differ, goes through the setters)
        body = [f"    if type(self) is not {_CLS}:", *(f"    {line}" for line in setters), "        return",
                f"    {_SET_CLASS}(self, {_OPEN})", *(f"    self.{n} = {n}" for n in names),
                f"    {_SET_CLASS}(self, {_CLS})"]
    source = f"def __init__(self, {', '.join(args)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, env)  # the way dataclasses itself makes __init__
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    setattr(cls, "__init__", init)  # noqa: B010 (mypy rejects assigning to a method)
    setattr(cls, "__replace__", _make_replace(cls, names, env))  # noqa: B010 (as above)
    return cls


def _check_names(cls: type, names: list[str]) -> None:
    """Refuse a field whose name would shadow a name the generated functions use."""
    used = {"self", "type", "new", _NEW, _CLS, _KEEP_NAME, _OPEN, _SET_CLASS} | {f"_set_{n}" for n in names} \
        | {f"_default_{n}" for n in names}
    clash = sorted(used.intersection(names))
    if clash:
        raise TypeError(f"{cls.__name__}: direct_init cannot generate code for fields named {', '.join(clash)}")


def _make_replace(cls: type, names: list[str], env: dict[str, Any]) -> Any:
    """``__replace__(self, /, *, field=<keep>, ...)``: a new instance with the fields given
    and the rest of ``self``'s, stored through the slots' setters, or made as an instance
    of the open twin and given ``cls`` after (as ``__init__`` does; ``env`` holds them)."""
    env = {**env, _NEW: object.__new__, _KEEP_NAME: _KEEP}
    params = ", ".join(f"{n}={_KEEP_NAME}" for n in names)
    lines = [f"def __replace__(self, /, *, {params}):" if names else "def __replace__(self, /):"]
    if not _opens(cls, names):
        lines.append(f"    new = {_NEW}({_CLS})")
        lines += [f"    _set_{n}(new, self.{n} if {n} is {_KEEP_NAME} else {n})" for n in names]
    else:
        lines.append(f"    new = {_NEW}({_OPEN})")
        lines += [f"    new.{n} = self.{n} if {n} is {_KEEP_NAME} else {n}" for n in names]
        lines.append(f"    {_SET_CLASS}(new, {_CLS})")
    lines.append("    return new")
    exec("\n".join(lines) + "\n", env)
    method = env["__replace__"]
    method.__qualname__ = f"{cls.__qualname__}.__replace__"
    method.__module__ = cls.__module__
    method.__doc__ = f"A copy of this {cls.__name__} with the fields given changed (see tzsched._frozen)."
    return method


def replace(obj: T, /, **changes: Any) -> T:
    """``dataclasses.replace(obj, **changes)`` for an instance of a :func:`direct_init`
    class, about three times as fast: a new instance with the fields given changed.

    A name that is not a field raises TypeError, as ``dataclasses.replace`` does.
    """
    try:
        method = type(obj).__replace__  # type: ignore[attr-defined]
    except AttributeError:
        raise TypeError(f"replace() needs an instance of a direct_init class, not {type(obj).__name__}") from None
    made: T = method(obj, **changes)
    return made
