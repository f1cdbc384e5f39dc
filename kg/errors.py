"""Exceptions that carry a message for the user (the CLI prints them without a traceback)."""


class UserError(Exception):
    """A mistake the user can fix: a missing file, a malformed query, a bad option."""

    exit_code = 2
