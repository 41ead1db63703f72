"""A minimal observer: callbacks subscribed to a :class:`Signal` are called on emit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Signal(Generic[T]):
    """Call every subscriber with one value; subscribers are called in subscription order."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[T], None]] = []

    def connect(self, callback: Callable[[T], None]) -> None:
        if callback not in self._subscribers:
            self._subscribers.append(callback)

    def disconnect(self, callback: Callable[[T], None]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._subscribers):
            callback(value)
