"""Errors that reach the user as one line naming the input."""


class FlashpointError(Exception):
    """Base class: its ``str`` is a complete one-line message for the user."""


class InputError(FlashpointError):
    """An input (file, stdin, JSON line, API body) that cannot be read."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")
