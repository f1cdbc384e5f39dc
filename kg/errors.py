"""Exceptions that carry a message for the user (the CLI prints them without a traceback), and
the exit statuses of the command line.

Exit status of every ``cppcc-kg`` verb:

* :data:`OK` (0): done;
* :data:`PROBLEM` (1): the command ran and found a problem (violations, a score under
  ``--min-f1``, a build that produced nothing, ``--strict`` with unused files, ``--store`` or
  ``--push`` failed, the export could not be written);
* :data:`USAGE` (2): a mistake the user can fix: a bad option, a missing or malformed input file,
  an unusable output folder, a malformed query, a port already in use;
* :data:`INTERNAL` (3): a bug (``--debug`` shows the traceback);
* :data:`INTERRUPTED` (130): Ctrl-C.
"""

from __future__ import annotations

OK = 0
PROBLEM = 1
USAGE = 2
INTERNAL = 3
INTERRUPTED = 130


class UserError(Exception):
    """A mistake the user can fix: a missing file, a malformed query, a bad option.

    The message is printed as ``error: MESSAGE`` and the process exits with ``exit_code``
    (:data:`USAGE` unless a subclass or the ``exit_code`` argument says otherwise)."""

    exit_code = USAGE

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
