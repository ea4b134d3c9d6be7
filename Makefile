# briefbook — two commands do everything on a machine with Go 1.26:
#   make run    build every document in source/ into output/
#   make test   run the tests
GO      ?= go
BIN     := bin/briefbook
SOURCES := $(shell find cmd internal assets -type f) go.mod go.sum
FUZZTIME ?= 60s

.PHONY: run test build bench fuzz check clean

run: $(BIN)
	./$(BIN) build -o output source

build: $(BIN)

$(BIN): $(SOURCES)
	$(GO) build -trimpath -o $(BIN) ./cmd/briefbook

test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# Go benchmarks of every stage, then whole-process timings beside pandoc.
bench:
	./scripts/bench

# Runs every fuzz target for FUZZTIME each (go test -fuzz takes one target at a time).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Validates the seed's outputs with the external tools (see ../shared/tools).
check: run
	../shared/tools/check-outputs --pdf output/main-vectors-of-kazakhstan-foreign-policy.pdf \
	  --epub output/main-vectors-of-kazakhstan-foreign-policy.epub \
	  --text source/main-vectors-of-kazakhstan-foreign-policy.txt

clean:
	rm -rf bin output
