"""Worker processes that cannot outlive the run that started them.

A run killed with SIGKILL gets no chance to stop its workers; orphaned, they would keep
working (and keep files open in the index) under PID 1 until killed by hand. On Linux the
kernel can send a signal to a child when its parent dies (PR_SET_PDEATHSIG): every worker
asks for SIGKILL first thing, then checks that its parent did not die before it asked."""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Call first thing in a forked worker, with the parent's pid read before the fork."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: workers end when their queues close
        pass
    if os.getppid() != parent_pid:  # the parent died between the fork and the prctl
        os._exit(1)
