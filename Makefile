# briefbook — two commands do everything on a machine with Go 1.26:
#   make run    build every document in source/ into output/
#   make test   run the tests
GO      ?= go
BIN     := bin/briefbook
SOURCES := $(shell find cmd internal assets -type f) go.mod go.sum
FUZZTIME ?= 60s

.PHONY: run test build install bench fuzz check clean

run: $(BIN)
	./$(BIN) build -o output source

build: $(BIN)

# CGO_ENABLED=0: a static binary that needs no C library and no file
# beside it (fonts, styles and models are embedded), so it runs from any
# folder and can be copied to any Linux machine of the same architecture.
$(BIN): $(SOURCES)
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/briefbook

# Installs briefbook into $(go env GOBIN) (default ~/go/bin), static too.
install:
	CGO_ENABLED=0 $(GO) install -trimpath ./cmd/briefbook

test:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

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
