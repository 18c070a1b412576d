"""Index files opened by memory mapping, so that every reader shares one copy in the page cache.

Whoosh's default compound segments (one file per segment) are read through `BufferFile`, which
copies each sub-file it opens into a private `BytesIO`: about 290 MiB per reader at 100k
passages, and the server kept one reader per thread. Segments are therefore written as plain
files (`compound=False`, see writer.py), and each file is mapped read-only here: the kernel
holds one copy for every reader of every process, and pages only what a search touches.
"""

from __future__ import annotations

import mmap
import os

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile


class MappedStorage(FileStorage):
    def open_file(self, name, **kwargs):
        path = self._fpath(name)
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:  # an empty file cannot be mapped
                return StructFile(open(path, "rb"), name=name, **kwargs)
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        # an mmap object reads, seeks and tells like a file, in C; it has no fileno(), so
        # StructFile reads arrays through read() rather than array.fromfile()
        return StructFile(mapped, name=name, **kwargs)
