"""A faster ``__init__`` and ``replace`` for the frozen, slotted dataclasses made once per mention.

A frozen dataclass's generated ``__init__`` stores every field through
``object.__setattr__`` (its own ``__setattr__`` refuses), which looks that function up
and goes through the generic attribute machinery once per field: for :class:`Said`, 26
fields, that is most of the time a mention's resolution spends making objects.
:func:`direct_init` gives the class an ``__init__`` with the same signature and
behaviour that stores each field through its slot's own setter instead, about twice
as fast. Nothing else about the class changes: it stays frozen, equal, hashable,
picklable, and ``dataclasses.replace`` and ``fields`` work as before.

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
_NEW, _CLS, _KEEP_NAME = "_new", "_cls", "_KEEP"


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
    body: list[str] = []
    env: dict[str, Any] = {}
    for f in fields(cls):
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: direct_init needs init fields with plain defaults")
        if f.default is MISSING:
            args.append(f.name)
        else:
            env[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        env[f"_set_{f.name}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        body.append(f"    _set_{f.name}(self, {f.name})")
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
    used = {"self", _NEW, _CLS, _KEEP_NAME} | {f"_set_{n}" for n in names} | {f"_default_{n}" for n in names}
    clash = sorted(used.intersection(names))
    if clash:
        raise TypeError(f"{cls.__name__}: direct_init cannot generate code for fields named {', '.join(clash)}")


def _make_replace(cls: type, names: list[str], env: dict[str, Any]) -> Any:
    """``__replace__(self, /, *, field=<keep>, ...)``: a new instance with the fields given
    and the rest of ``self``'s, stored through the slots' setters (``env`` holds them)."""
    env = {**env, _NEW: object.__new__, _CLS: cls, _KEEP_NAME: _KEEP}
    params = ", ".join(f"{n}={_KEEP_NAME}" for n in names)
    lines = [f"def __replace__(self, /, *, {params}):" if names else "def __replace__(self, /):",
             f"    new = {_NEW}({_CLS})"]
    lines += [f"    _set_{n}(new, self.{n} if {n} is {_KEEP_NAME} else {n})" for n in names]
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
