import os

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


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory):
    """Model files a test unpacks (the tagger's MiniLM) go to a temporary folder, not ~/.cache."""
    os.environ.setdefault("ONRECORD_CACHE", str(tmp_path_factory.mktemp("onrecord-cache")))
