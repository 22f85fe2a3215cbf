"""Writing the command line's outputs so that no input and no earlier result is ever lost.

* An output is never an input: :func:`refuse_overwriting_inputs` compares files
  by identity (device and inode), so another spelling of the path, a symbolic
  link or a hard link is the same file; standard input redirected from a file
  is that file.
* A file output is written to a temporary file in the target's folder, which
  replaces the target (:func:`os.replace`, atomic) only when the run has
  ended: an interrupted or failed run leaves the earlier file as it was, and
  nobody ever reads a half-written one. A symbolic link is written through (the
  link stays); the replaced file keeps its permissions.
* A target that is not a regular file (``/dev/null``, ``/dev/full``, a terminal,
  a named pipe) is written directly: there is nothing to keep.
* Standard output: a reader that goes away (``| head``) or a standard output
  closed from the start silences it, and the exit status still tells the
  verdict. Any other failure to write (a full disk) is one line naming the
  output, exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from types import TracebackType
from typing import TextIO

from ..io import InputFileError

__all__ = ["STDOUT", "Output", "refuse_overwriting_inputs", "silence"]

STDOUT = "<stdout>"
"""How messages name standard output."""


def _identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of the regular file at ``path`` (``-``: standard input), else None."""
    try:
        if path == "-":
            stdin = sys.stdin
            if stdin is None:
                return None
            info = os.fstat(stdin.fileno())
        else:
            info = os.stat(path)
    except (OSError, ValueError, AttributeError):  # no such file; a stdin without a descriptor
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def refuse_overwriting_inputs(
    outputs: Iterable[tuple[str, str]], inputs: Iterable[tuple[str, str, str]]
) -> None:
    """Raise :class:`InputFileError` when an output is one of the inputs, or two outputs are one file.

    ``outputs`` are ``(option, path)``; ``inputs`` are ``(what, path, shown)``:
    what the input is (``the log``), its path (``-`` for standard input) and how
    messages name it.
    """
    known: dict[tuple[int, int], tuple[str, str]] = {}
    for what, path, shown in inputs:
        ident = _identity(path)
        if ident is not None:
            known.setdefault(ident, (what, shown))
    seen: dict[object, str] = {}
    for option, path in outputs:
        ident = _identity(path)
        if ident is not None and ident in known:
            what, shown = known[ident]
            raise InputFileError(
                path, f"{option} is the same file as {what} {shown}: refusing to overwrite an input"
            )
        if ident is None and os.path.exists(path):
            continue  # a device or a pipe (`--out /dev/null --summary /dev/null`): nothing to lose
        key: object = ident if ident is not None else os.path.realpath(path)
        if key in seen:
            raise InputFileError(path, f"{option} is the same file as {seen[key]}: choose two files")
        seen[key] = option


def silence(stream: TextIO | None) -> None:
    """Point ``stream``'s descriptor at the null device: what is still buffered goes nowhere.

    For a reader that has gone away or a full disk: the interpreter's last flush at
    exit must not fail (and print a traceback) on it.
    """
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)


def _cannot_write(name: str, exc: OSError) -> InputFileError:
    return InputFileError(name, f"cannot write the output ({exc.strerror or exc})")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class Output:
    """One text output of a command: a file (through a temporary sibling) or standard output.

    Use it as a context manager: :meth:`commit` ends the output (the file replaces
    its target); leaving the block without :meth:`commit` (an interruption, an
    error) discards a file output and leaves the target as it was.
    """

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.name = STDOUT if path is None else path
        self.closed_stdout = False  # standard output was closed from the start
        self.gone = False  # the reader went away: writes are dropped, the verdict stays
        self._temp: str | None = None
        self._target: str | None = None
        self._done = False
        self._stream: TextIO | None
        if path is None:
            self._stream = sys.stdout
            if self._stream is None:
                self.closed_stdout = self.gone = True
            return
        self._stream = self._open(path)

    def _open(self, path: str) -> TextIO:
        try:
            info: os.stat_result | None = os.stat(path)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        try:
            if info is not None and stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            if info is not None and not stat.S_ISREG(info.st_mode):
                # A device or a pipe: written directly, there is no earlier content to keep.
                return open(path, "w", encoding="utf-8", newline="")
            target = os.path.realpath(path)  # through a symbolic link: the link stays a link
            if info is not None and not os.access(target, os.W_OK):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            folder, base = os.path.split(target)
            fd, temp = tempfile.mkstemp(prefix=f".{base}.", suffix=".tmp", dir=folder or ".")
        except OSError as exc:
            raise _cannot_write(path, exc) from None
        self._temp, self._target = temp, target
        try:
            os.chmod(temp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
            return os.fdopen(fd, "w", encoding="utf-8", newline="")
        except BaseException:
            os.close(fd)
            self._remove_temp()
            raise

    def __enter__(self) -> Output:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._done:
            self.discard()

    def write(self, text: str) -> int:
        """Write ``text``; a full disk is :class:`InputFileError`, a reader gone is silence."""
        if self.gone:
            return len(text)
        assert self._stream is not None
        try:
            self._stream.write(text)
        except OSError as exc:
            self._failed(exc)
        return len(text)

    def flush(self) -> None:
        if self.gone or self._stream is None or self._stream.closed:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError) -> None:
        if self.path is None and (isinstance(exc, BrokenPipeError) or exc.errno == errno.EBADF):
            # `envrules … | head`: the reader has gone away. Keep judging: the exit status tells.
            self.gone = True
            silence(self._stream)
            return
        self.discard()
        raise _cannot_write(self.name, exc) from None

    def finish(self) -> None:
        """Write out all that is written (flushed, on disk, closed), without replacing the target yet.

        A command with two outputs finishes both before it commits either, so that a
        full disk on the second leaves the first's earlier file in place too.
        """
        self.flush()
        stream, temp = self._stream, self._temp
        if self.path is None or stream is None or stream.closed:
            return
        try:
            if temp is not None:
                stream.flush()
                os.fsync(stream.fileno())
            stream.close()
        except OSError as exc:
            self.discard()
            raise _cannot_write(self.name, exc) from None

    def commit(self) -> None:
        """End the output: finish it, and let a file replace its target."""
        self.finish()
        self._done = True
        temp, target = self._temp, self._target
        if temp is None or target is None:
            return
        try:
            os.replace(temp, target)
            self._temp = None
        except OSError as exc:
            self.discard()
            raise _cannot_write(self.name, exc) from None

    def discard(self) -> None:
        """Give up the output: a file's target stays as it was; standard output is flushed if it can be."""
        self._done = True
        stream = self._stream
        if stream is None:
            return
        if self.path is None:
            if not self.gone:
                try:
                    stream.flush()
                except OSError:
                    self.gone = True
                    silence(stream)
            return
        with contextlib.suppress(OSError):
            stream.close()
        if not stream.closed:  # the close failed on its flush: what is buffered is dropped
            silence(stream)
            with contextlib.suppress(OSError):
                stream.close()
        self._remove_temp()

    def _remove_temp(self) -> None:
        if self._temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temp)
            self._temp = None
