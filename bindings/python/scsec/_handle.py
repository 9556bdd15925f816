# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Owning a C handle that several threads use: nothing is freed or changed under a call.

ctypes releases the GIL around every foreign call, so a call on a handle
really runs at the same time as whatever another thread does to it. Each
owning object (:class:`Owned`) therefore reaches its handle only through its
:class:`Guard`:

* ``with obj._g as h:`` holds the handle for the calls in the block (shared:
  any number of threads at once);
* ``with obj._g.writing as h:`` holds it alone, for the calls that change
  it (only evidence records and load options change after creation): it
  waits until the shared holders are done, and new shared holders wait for
  it (writers go first, so a stream of evaluations cannot starve an edit);
* :meth:`Guard.close` (from ``close()``, the end of a ``with`` block or the
  garbage collector) refuses new holders at once, and frees the handle when
  the last holder is done: never under a running call.

At interpreter exit, an :mod:`atexit` hook waits (up to
:data:`EXIT_TIMEOUT` seconds) for the calls daemon threads are still making,
and from then on a daemon thread that tries to start one waits forever
instead (daemon threads are stopped abruptly at exit anyway): no libscsec
code runs while the process tears down its libraries, and no handle is
freed under a call.

A hold is never taken twice by the same thread at once (a shared holder
waiting for a writer that waits for it would deadlock): the object layer
takes one hold per operation and calls no user code while holding it.
"""

from __future__ import annotations

import atexit
import threading
import weakref
from typing import Any, Callable, Optional

from . import _native

__all__ = ["Guard", "Owned", "NO_HANDLE", "EXIT_TIMEOUT"]

#: How long interpreter exit waits for calls still running in daemon threads.
EXIT_TIMEOUT = 30.0

# One lock for every guard: the critical sections are a few bytecodes long,
# and the exit hook needs the count of calls in flight across all handles.
_LOCK = threading.Lock()
_IDLE = threading.Condition(_LOCK)
_inflight = 0
_exiting = False


class Guard:
    """Who is using one C handle, and when it may be freed."""

    __slots__ = ("ptr", "kind", "_free", "_users", "_closed", "_writer", "_waiting",
                 "_sleepers", "_cond", "writing")

    def __init__(self, ptr: Any, free: Callable[[Any], None], kind: str,
                 exclusive: bool = False) -> None:
        self.ptr = ptr
        self.kind = kind
        self._free = free
        self._users = 0
        self._closed = False
        self._writer = False
        self._waiting = 0      # writers waiting for their turn
        self._sleepers = 0     # threads waiting on _cond (readers and writers)
        self._cond = threading.Condition(_LOCK) if exclusive else None
        self.writing = _Writing(self) if exclusive else None

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called (the handle may still be in use)."""
        return self._closed

    def _admit(self) -> None:
        # under _LOCK. At exit a daemon thread parks before it looks at the
        # handle: the exit hooks close every handle, and a daemon thread
        # between two calls must not see its set closed and raise.
        if _exiting and threading.current_thread().daemon:
            _park()
        if self._closed:
            raise ValueError("%s is closed" % self.kind)

    def __enter__(self) -> Any:
        global _inflight
        with _LOCK:
            if self._closed or _exiting:
                self._admit()
            if self._cond is not None:
                while self._writer or self._waiting:
                    self._sleep()
                    self._admit()
            self._users += 1
            _inflight += 1
            return self.ptr

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        global _inflight
        with _LOCK:
            self._users -= 1
            _inflight -= 1
            if self._users or not (self._closed or self._sleepers or _exiting):
                return False            # the common case: nothing to settle
            ptr = self._settle()
        if ptr is not None:
            self._free(ptr)
        return False

    def _settle(self) -> Any:
        """After the last holder left (under _LOCK): the handle to free, if closed."""
        if _exiting and not _inflight:
            _IDLE.notify_all()
        if self._users:
            return None
        if self._closed:
            ptr, self.ptr = self.ptr, None
            return ptr
        self._wake()
        return None

    def _sleep(self) -> None:
        # under _LOCK
        assert self._cond is not None
        self._sleepers += 1
        try:
            self._cond.wait()
        finally:
            self._sleepers -= 1

    def _wake(self) -> None:
        # under _LOCK; notify_all costs a microsecond: only when someone waits
        if self._sleepers:
            assert self._cond is not None
            self._cond.notify_all()

    def close(self) -> None:
        """Refuse new holders; free the handle now if idle, else when the last holder is done."""
        ptr = None
        with _LOCK:
            if self._closed:
                return
            self._closed = True
            if self._users == 0:
                ptr, self.ptr = self.ptr, None
            self._wake()                    # waiting holders now see it closed
        if ptr is not None:
            self._free(ptr)


class _Writing:
    """The exclusive hold of a :class:`Guard` (``with guard.writing as h:``)."""

    __slots__ = ("_g",)

    def __init__(self, guard: Guard) -> None:
        self._g = guard

    def __enter__(self) -> Any:
        global _inflight
        g = self._g
        assert g._cond is not None
        with _LOCK:
            g._admit()
            g._waiting += 1
            try:
                while g._writer or g._users:
                    g._sleep()
                    g._admit()
            except BaseException:
                g._waiting -= 1
                g._wake()               # the shared holders it held back
                raise
            g._waiting -= 1
            g._writer = True
            g._users += 1
            _inflight += 1
            return g.ptr

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> bool:
        global _inflight
        g = self._g
        with _LOCK:
            g._writer = False
            g._users -= 1
            _inflight -= 1
            ptr = g._settle()
        if ptr is not None:
            g._free(ptr)
        return False


def _park() -> None:
    """Stop a daemon thread for good during interpreter exit (under _LOCK)."""
    while True:
        _IDLE.wait()


def _wait_for_calls() -> None:
    """atexit: let the calls in flight end, and start no new one from a daemon thread."""
    global _exiting
    with _LOCK:
        _exiting = True
        _IDLE.wait_for(lambda: not _inflight, EXIT_TIMEOUT)


# weakref.finalize registers its own exit hook (which runs the finalizers
# still pending) along with its first finalizer. Have it registered before
# ours, so that ours runs first (atexit is last in, first out): the pending
# finalizers then free idle handles only.
weakref.finalize(_wait_for_calls, int).detach()
atexit.register(_wait_for_calls)


class _NoHandle:
    """Stands for an optional handle that is absent: ``with NO_HANDLE as h`` gives None."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> bool:
        return False


NO_HANDLE = _NoHandle()


class Owned:
    """Base of the objects that own a C handle (see the module's description)."""

    __slots__ = ("_g", "_finalizer", "__weakref__")
    _free_name: str = ""   # name of the C function that frees the handle
    _kind = "object"
    _exclusive = False     # True for the objects that change after creation

    def _adopt(self, ptr: Any) -> None:
        # Look the free function up now, so that a test may count calls by
        # replacing it on the library object before creating handles.
        free = getattr(_native.lib, self._free_name)
        self._g = Guard(ptr, free, self._kind, self._exclusive)
        self._finalizer = weakref.finalize(self, self._g.close)

    @property
    def _ptr(self) -> Optional[Any]:
        """The handle, or None once closed (for tests and debugging: no hold)."""
        g = getattr(self, "_g", None)
        return None if g is None or g.closed else g.ptr

    @property
    def _as_parameter_(self) -> Any:
        """The handle, for passing the object straight to a ``lib`` function.

        Low level and unguarded: the object layer never uses it.
        """
        ptr = self._ptr
        if ptr is None:
            raise ValueError("%s is closed" % self._kind)
        return ptr

    def close(self) -> None:
        """Release the handle (idempotent); the object is unusable after.

        A call running in another thread finishes first: the handle is
        freed when the last one is done.
        """
        finalizer = getattr(self, "_finalizer", None)
        if finalizer is not None:
            finalizer()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        g = getattr(self, "_g", None)
        return g is None or g.closed

    def __enter__(self) -> Any:
        with self._g:    # refuse a closed object
            pass
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    # A shallow copy would share the handle and free it twice: immutable
    # objects copy as themselves, others say how to copy them.
    def __copy__(self) -> Any:
        raise TypeError("%s objects cannot be copied" % self._kind)

    def __deepcopy__(self, memo: Any) -> Any:
        return self.__copy__()

    def __reduce__(self) -> Any:
        raise TypeError("%s objects cannot be pickled" % self._kind)
