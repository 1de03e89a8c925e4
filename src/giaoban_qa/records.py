"""``@record``: the small value classes of the check path, without ``dataclasses``' cost.

``dataclasses.dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__`` (and
``__hash__``, ``__setattr__``, ``__delattr__`` when frozen) as source text and compiles it
when the module is imported: ~0.6 ms a class, and a one-file ``check`` created 37 of them
(~24 ms, a sixth of its start-up) though most are made once or twice per document. A
``@record`` class is declared exactly like a dataclass (annotated fields, defaults,
``field(default_factory=..., repr=False, compare=False)``, ``frozen=True``) and behaves
like one: the same ``__init__`` signature (positional or keyword, defaults, factories,
``TypeError`` for a missing, unknown or repeated argument), the same ``repr``, equality
(same class and equal fields, compared as a tuple), hash (that of the tuple of the compared
fields, for a frozen class; none for a mutable one), ``FrozenInstanceError`` on assignment
to a frozen instance, attributes set in field order, ``__match_args__``; ``replace`` and
``field_names`` stand for ``dataclasses.replace`` and ``fields``. The methods are shared
functions that read the class's field table, so nothing is compiled at import.

``slots=True`` gives a new class with a slot per field, as the dataclass does. What it
does not do: ``order``, ``__post_init__``, ``InitVar``, keyword-only fields,
``dataclasses.fields``/``asdict`` (the classes are not dataclasses). Its ``__init__``
fills a copy of a template dict of the defaults (measured: no slower than a frozen
dataclass's, which calls ``object.__setattr__`` for each field).
"""

from __future__ import annotations

import re
from operator import attrgetter
from sys import intern as _intern
from typing import Any, Callable

__all__ = ["FrozenInstanceError", "field", "field_names", "intern_strings", "record", "replace"]

_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record (``dataclasses.FrozenInstanceError``'s
    counterpart)."""


class _Field:
    __slots__ = ("default", "default_factory", "repr", "compare")

    def __init__(self, default: Any, default_factory: Any, repr: bool, compare: bool) -> None:  # noqa: A002 (dataclasses' names)
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | Any = _MISSING, repr: bool = True,  # noqa: A002
          compare: bool = True) -> Any:
    """A field's default, default factory, and whether ``repr`` shows it and equality and
    the hash compare it (as ``dataclasses.field``)."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return _Field(default, default_factory, repr, compare)


class _Spec:
    """A record class's field table, read by the shared methods."""

    __slots__ = ("names", "index", "defaults", "factories", "repr_names", "compare_names", "key", "frozen", "slots",
                 "template", "required", "factory_items", "calls")

    def __init__(self, names: tuple[str, ...], defaults: dict[str, Any], factories: dict[str, Callable[[], Any]],
                 repr_names: tuple[str, ...], compare_names: tuple[str, ...], frozen: bool, slots: bool = False) -> None:
        self.names = names
        self.index = frozenset(names)
        self.defaults = defaults
        self.factories = factories
        self.repr_names = repr_names
        self.compare_names = compare_names
        self.frozen = frozen
        self.slots = slots
        # What ``__init__`` starts from: every field in order, with its default or a
        # placeholder (updating a copy keeps the order, whatever order arguments come in).
        self.template = {name: defaults.get(name, _MISSING) for name in names}
        self.required = tuple(name for name in names if name not in defaults and name not in factories)
        self.factory_items = tuple(factories.items())
        self.calls = 0  # instances made by the shared __init__ (see _init)
        # Always a tuple, as the dataclass compares and hashes ``(self.a, self.b, ...)``: a
        # one-field record must hash like ``(a,)``, not like ``a`` (set orders depend on it).
        if len(compare_names) == 1:
            get_one = attrgetter(compare_names[0])
            self.key: Callable[[Any], tuple] = lambda obj: (get_one(obj),)
        elif compare_names:
            self.key = attrgetter(*compare_names)
        else:
            self.key = lambda obj: ()


def _is_class_var(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)  # (a string under ``from __future__ import annotations``)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


# A class made this many times gets a straight-line __init__ of its own (_compiled_init).
HOT_CLASS_CALLS = 64


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    spec: _Spec = self.__class__.__record__
    spec.calls += 1
    if spec.calls == HOT_CLASS_CALLS:
        # Made often (a figure, a name, a date: hundreds a document): from now on by a
        # compiled __init__, as fast as the dataclass's; the few classes made once or twice
        # a document never pay for compiling one.
        owner = self.__class__.__record_class__
        if owner.__dict__.get("__init__") is _init:
            owner.__init__ = _compiled_init(spec, owner.__qualname__)
    values = spec.template.copy()  # in field order, as the dataclass assigns (``vars()`` keeps it)
    if args:
        if len(args) > len(spec.names):
            raise TypeError(f"{self.__class__.__qualname__}.__init__() takes {len(spec.names) + 1} positional arguments but {len(args) + 1} were given")
        values.update(zip(spec.names, args))
        if kwargs and not kwargs.keys().isdisjoint(spec.names[: len(args)]):
            twice = next(name for name in spec.names[: len(args)] if name in kwargs)
            raise TypeError(f"{self.__class__.__qualname__}.__init__() got multiple values for argument {twice!r}")
    if kwargs:
        values.update(kwargs)
        if len(values) != len(spec.names):
            unknown = next(name for name in kwargs if name not in spec.index)
            raise TypeError(f"{self.__class__.__qualname__}.__init__() got an unexpected keyword argument {unknown!r}")
    for name, factory in spec.factory_items:
        if values[name] is _MISSING:
            values[name] = factory()
    for name in spec.required:
        if values[name] is _MISSING:
            raise TypeError(f"{self.__class__.__qualname__}.__init__() missing 1 required positional argument: {name!r}")
    # (A frozen record's __setattr__ refuses; the instance's dict (or slots) is filled
    # directly, as object.__setattr__ in the dataclass's __init__ does.)
    if spec.slots:
        for name, value in values.items():
            _object_setattr(self, name, value)
    else:
        self.__dict__.update(values)


_object_setattr = object.__setattr__


def _compiled_init(spec: _Spec, qualname: str) -> Callable[..., None]:
    """A straight-line ``__init__``, as the dataclass writes it (the same parameters and
    defaults). Records with slots (spans, figures: thousands a document, where filling
    slots in a loop was 4-6x slower) get it when the class is made; others when they
    have been made ``HOT_CLASS_CALLS`` times (see _init). One function compiled, a sixth
    of what a dataclass compiles."""
    namespace: dict[str, Any] = {"_MISSING": _MISSING, "_set": _object_setattr}
    params, body = [], []
    for i, name in enumerate(spec.names):
        if name in spec.defaults:
            namespace[f"_default_{i}"] = spec.defaults[name]
            params.append(f"{name}=_default_{i}")
        elif name in spec.factories:
            namespace[f"_factory_{i}"] = spec.factories[name]
            params.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING:\n        {name} = _factory_{i}()")
        else:
            params.append(name)
    if not spec.slots:
        body.append("    _fields = self.__dict__")  # (filled directly, as _init does: a frozen __setattr__ refuses)
    for name in spec.names:
        if spec.slots:
            body.append(f"    _set(self, {name!r}, {name})" if spec.frozen else f"    self.{name} = {name}")
        else:
            body.append(f"    _fields[{name!r}] = {name}")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(source, namespace)  # noqa: S102 (field names and placeholders only: no value is put in the text)
    init = namespace["__init__"]
    init.__qualname__ = f"{qualname}.__init__"  # (named in its TypeErrors, as the dataclass's)
    return init


def _slots_getstate(self: Any) -> list[Any]:
    # A frozen record with slots pickles its fields as a list, as the dataclass does (the
    # default state would be restored through the refusing __setattr__).
    return [getattr(self, name) for name in self.__class__.__record__.names]


def _slots_setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__class__.__record__.names, state):
        _object_setattr(self, name, value)


def _repr(self: Any) -> str:
    spec: _Spec = self.__class__.__record__
    return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in spec.repr_names)})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        key = self.__class__.__record__.key
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__class__.__record__.key(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    # As the dataclass: nothing may be set on the class's own instances, a subclass's may
    # set what is not a field.
    cls = self.__class__
    if cls is cls.__record_class__ or name in cls.__record__.index:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    super(cls.__record_class__, self).__setattr__(name, value)


def _frozen_delattr(self: Any, name: str) -> None:
    cls = self.__class__
    if cls is cls.__record_class__ or name in cls.__record__.index:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
    super(cls.__record_class__, self).__delattr__(name)


def _make(cls: type, frozen: bool, slots: bool = False) -> type:
    if "__post_init__" in cls.__dict__ or "__slots__" in cls.__dict__:
        raise TypeError(f"@record does not support __post_init__ or __slots__ ({cls.__qualname__}): use a dataclass")
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    no_repr: set[str] = set()
    no_compare: set[str] = set()
    for base in reversed(cls.__mro__[1:]):  # fields of record bases first, as a dataclass's
        spec = base.__dict__.get("__record__")
        if spec is not None:
            for name in spec.names:
                if name not in names:
                    names.append(name)
            defaults.update(spec.defaults)
            factories.update(spec.factories)
            no_repr.update(set(spec.names) - set(spec.repr_names))
            no_compare.update(set(spec.names) - set(spec.compare_names))
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        if name not in names:
            names.append(name)
        value = cls.__dict__.get(name, _MISSING)
        defaults.pop(name, None)
        factories.pop(name, None)
        if isinstance(value, _Field):
            if value.default_factory is not _MISSING:
                factories[name] = value.default_factory
                delattr(cls, name)  # as the dataclass: no class attribute for a factory field
            elif value.default is not _MISSING:
                defaults[name] = value.default
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
            if not value.repr:
                no_repr.add(name)
            if not value.compare:
                no_compare.add(name)
        elif value is not _MISSING:
            defaults[name] = value
    seen_default = False
    for name in names:  # a required field after one with a default: the dataclass's own error
        has_default = name in defaults or name in factories
        if seen_default and not has_default:
            raise TypeError(f"non-default argument {name!r} follows default argument")
        seen_default = seen_default or has_default
    spec = _Spec(tuple(names), defaults, factories, tuple(n for n in names if n not in no_repr),
                 tuple(n for n in names if n not in no_compare), frozen, slots)
    if slots:
        # A new class with a slot per field, as ``dataclass(slots=True)`` makes (no default
        # may stay a class attribute: it would shadow the slot).
        namespace = {k: v for k, v in cls.__dict__.items() if k not in names and k not in ("__dict__", "__weakref__")}
        namespace["__slots__"] = tuple(n for n in names if not any(n in getattr(b, "__slots__", ()) for b in cls.__mro__[1:]))
        cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    own = cls.__dict__
    class_hash = own.get("__hash__", _MISSING)  # (a class body defining __eq__ has __hash__ None)
    explicit_hash = not (class_hash is _MISSING or (class_hash is None and "__eq__" in own))
    cls.__record__ = spec  # type: ignore[attr-defined]
    cls.__record_class__ = cls  # type: ignore[attr-defined]
    for attr, method in (("__init__", _compiled_init(spec, cls.__qualname__) if slots else _init), ("__repr__", _repr), ("__eq__", _eq)):
        if attr not in own:
            setattr(cls, attr, method)
    if not explicit_hash:
        # The dataclass's rule (eq=True): frozen -> the fields' hash; mutable -> unhashable.
        cls.__hash__ = _hash if frozen else None  # type: ignore[assignment,method-assign]
    if frozen:
        cls.__setattr__ = _frozen_setattr  # type: ignore[assignment,method-assign]
        cls.__delattr__ = _frozen_delattr  # type: ignore[assignment,method-assign]
        if slots:
            cls.__getstate__ = _slots_getstate  # type: ignore[attr-defined]
            cls.__setstate__ = _slots_setstate  # type: ignore[attr-defined]
    if "__match_args__" not in own:
        cls.__match_args__ = spec.names  # type: ignore[attr-defined]
    return cls


def record(cls: type | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """``@record``, ``@record(frozen=True)``, ``@record(slots=True)``: see the module's
    documentation."""
    if cls is None:
        return lambda c: _make(c, frozen, slots)
    return _make(cls, frozen, slots)


def intern_strings(value: Any, max_length: int = 256) -> None:
    """Replace every string field (up to ``max_length`` characters) of the records in
    ``value`` — a record, or lists and tuples of them, nested in one another or in the
    records' fields — by the equal interned string (``sys.intern``), in place, frozen
    records included (the value is equal, so their hash and equality are too). The facts
    of a big document repeat the same short strings thousands of times (a unit, a kind of
    place, a title's role, a person's name, a figure's text): each was its own object."""
    stack = [value]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        cls = item.__class__
        if cls is list or cls is tuple:
            stack += [x for x in item if x.__class__ not in _NO_RECORDS]
            continue
        try:
            names, get_all = _interning[cls]
        except KeyError:
            names, get_all = _interning[cls] = _string_fields(cls)
        if not names or id(item) in seen:
            continue
        seen.add(id(item))
        for name, v in zip(names, get_all(item)):
            vcls = v.__class__
            if vcls is str:
                if len(v) <= max_length:
                    shared = _intern(v)
                    if shared is not v:
                        _object_setattr(item, name, shared)
            elif vcls not in _NO_RECORDS:
                stack.append(v)


# What cannot hold a record (``intern_strings`` skips it) and, per class, the fields that
# may hold a string or a record with a getter of them all at once (``_string_fields``).
_NO_RECORDS = frozenset({str, int, float, bool, type(None), bytes, dict, set, frozenset})
_interning: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple]]] = {}
_NUMBER_TYPES = frozenset({"int", "float", "bool", "None", "Optional"})


def _string_fields(cls: type) -> tuple[tuple[str, ...], Callable[[Any], tuple]]:
    """The fields of record class ``cls`` that ``intern_strings`` reads: all but those
    annotated as numbers ("int", "float | None", …), which never hold a string or a record."""
    spec = cls.__dict__.get("__record__")
    if spec is None:
        return (), tuple
    annotations: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        annotations.update(base.__dict__.get("__annotations__", {}))
    names = tuple(name for name in spec.names
                  if not set(re.findall(r"[A-Za-z_][\w.]*", str(annotations.get(name, "")))) <= _NUMBER_TYPES
                  or name not in annotations)
    if len(names) == 1:
        get_one = attrgetter(names[0])
        return names, lambda obj: (get_one(obj),)
    return names, attrgetter(*names) if names else tuple


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record class, in order (``[f.name for f in dataclasses.fields(cls)]``)."""
    return cls.__record__.names  # type: ignore[attr-defined]


def replace(obj: Any, /, **changes: Any) -> Any:
    """A copy of the record (or dataclass) ``obj`` with ``changes``, made by its ``__init__``
    as ``dataclasses.replace`` makes it."""
    spec = getattr(obj.__class__, "__record__", None)
    if spec is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)
    for name in changes:
        if name not in spec.index:
            raise TypeError(f"{obj.__class__.__qualname__}.__init__() got an unexpected keyword argument {name!r}")
    values = {name: getattr(obj, name) for name in spec.names}
    values.update(changes)
    return obj.__class__(**values)
