"""Coded errors that say what went wrong, with which input, and what to do."""
from __future__ import annotations


class OnrecordError(Exception):
    """Base error: ``code`` is stable, the message is one line for a person."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)

    def one_line(self) -> str:
        text = str(self).replace("\n", " ")
        return f"[{self.code}] {text}"


class InputError(OnrecordError):
    """An input cannot be read as a document (binary, empty, too large, bad encoding...)."""

    code = "E100"


class MissingInput(InputError):
    code = "E101"


class TargetsError(OnrecordError):
    """The targets (questions) file is malformed."""

    code = "E200"


class RegistryError(OnrecordError):
    """The actors registry or a gazetteer is malformed."""

    code = "E300"


class StoreError(OnrecordError):
    code = "E400"


class ModelError(OnrecordError):
    """The spaCy pipeline cannot be loaded."""

    code = "E500"
