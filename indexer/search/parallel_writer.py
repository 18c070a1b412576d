"""Whoosh's multiprocessing writer, made safe to kill and to fail.

As shipped, `whoosh.multiproc.MpWriter` has three failure modes that matter here:
- its writer processes outlive a parent killed with SIGKILL, holding the index's files;
- when one of them dies (a full disk), the parent waits forever on a bounded job queue, or
- it commits without that process's segment, silently losing its documents.
Here every writer process dies with its parent, reports its failure as one line instead of a
traceback, and the parent checks that every process delivered before it commits."""

from __future__ import annotations

import os
import pickle
import queue

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name

from ..processes import die_with_parent

_PUT_POLL_SECONDS = 0.5


class WriterProcessFailed(OSError):
    """A writer process died or failed; the commit was cancelled, nothing was written."""


class _SubWriter(SubWriterTask):
    parent_pid = 0

    def run(self):
        die_with_parent(self.parent_pid)
        try:
            super().run()
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
            message = f"{exc.strerror or exc}" if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
            self.resultqueue.put(("failed", message, None), timeout=5)
            self.resultqueue.close()
            self.resultqueue.join_thread()  # os._exit would drop what the feeder thread holds
            os._exit(1)


class SafeMpWriter(MpWriter):
    def _new_task(self):
        task = _SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                          self.multisegment)
        task.parent_pid = os.getpid()
        self.tasks.append(task)
        task.start()
        return task

    def _enqueue(self):
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as f:
            for item in self.docbuffer:
                pickle.dump(item, f, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        self._put((filename, len(self.docbuffer)))
        self.docbuffer = []

    def _put(self, item) -> None:
        """A bounded queue's put that notices when no process is left to take from it."""
        while True:
            try:
                self.jobqueue.put(item, timeout=_PUT_POLL_SECONDS)
                return
            except queue.Full:
                self._check_tasks()

    def _check_tasks(self) -> None:
        failed = [task for task in self.tasks if task.exitcode not in (None, 0)]
        if failed:
            raise WriterProcessFailed(f"a writer process failed: {self._failure_message(failed[0])}")

    def _failure_message(self, task) -> str:
        try:
            while True:
                status, message, _ = self.resultqueue.get_nowait()
                if status == "failed":
                    return message
        except (queue.Empty, ValueError, TypeError):
            return f"it exited with code {task.exitcode}"

    def _commit(self, mergetype, optimize, merge):
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self._put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        results = []
        for task in self.tasks:
            task.join()
        for task in self.tasks:
            try:
                result = self.resultqueue.get(timeout=5)
            except queue.Empty:
                raise WriterProcessFailed(f"a writer process delivered nothing (exit code {task.exitcode})") from None
            if result[0] == "failed":
                raise WriterProcessFailed(f"a writer process failed: {result[1]}")
            results.append(result)
        self._check_tasks()
        if self.multisegment:
            finalsegments += [segment for _, _, segment in results]
            if self._added:
                finalsegments.append(self._finalize_segment())
            else:
                self._close_segment()
        else:
            self._merge_subsegments(results, mergetype)
            self._close_segment()
            self._assemble_segment()
            finalsegments.append(self.get_segment())
        self._commit_toc(finalsegments)
        self._finish()

    def cancel(self):
        for task in self.tasks:
            if task.is_alive():
                task.kill()
            task.join()
        super().cancel()
