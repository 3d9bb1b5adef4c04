# Two commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED_MALI := ../shared/examples/mali-2012/whither-us-policy-on-mali.html
OUT := out/mali-2012

.PHONY: demo test bench clean

$(BIN)/onrecord: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev,tagger]"
	@touch $@

demo: $(BIN)/onrecord
	@mkdir -p $(OUT)
	@rm -f $(OUT)/onrecord.db $(OUT)/onrecord.db-wal $(OUT)/onrecord.db-shm
	@if [ -f "$(SHARED_MALI)" ]; then \
	  echo "Analysing $(SHARED_MALI)"; \
	  $(BIN)/onrecord analyze "$(SHARED_MALI)" --targets examples/mali-2012/targets.yaml \
	    --db $(OUT)/onrecord.db --json $(OUT)/ledger.json --report $(OUT)/report.html; \
	else \
	  echo "$(SHARED_MALI) not found: analysing the example corpus in examples/corpus"; \
	  $(BIN)/onrecord analyze examples/corpus/norland.jsonl --targets examples/corpus/targets.yaml \
	    --db $(OUT)/onrecord.db --json $(OUT)/ledger.json --report $(OUT)/report.html; \
	fi
	@$(BIN)/onrecord findings --db $(OUT)/onrecord.db
	@echo "Ledger: $(OUT)/ledger.json  Report: $(OUT)/report.html"

test: $(BIN)/onrecord
	$(BIN)/python -m pytest -q

bench: $(BIN)/onrecord
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/attribution_polnear.py

clean:
	rm -rf $(VENV) out build *.egg-info
