import pytest

from onrecord.ingest import parse_text
from onrecord.parse import parse_documents


@pytest.fixture(scope="session")
def nlp():
    from onrecord import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture
def parse(nlp):
    """Parse a text written for the test into a Parsed document."""
    def _parse(text, published="2030-06-14"):
        from dataclasses import replace
        doc = replace(parse_text(text, "test.txt"), published=published)
        return next(parse_documents([doc], nlp))
    return _parse
