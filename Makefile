# Voyageur: `make run` and `make test` each set up what they need first.
SWIFT ?= swift
FORMAT_PATHS := Package.swift Sources Tests

.PHONY: run test deps build build-release lint format bench bench-amqp bench-llm clean

run: build
	@scripts/run-samples.sh

test: deps lint
	$(SWIFT) build --build-tests
	scripts/run-tests.sh

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

build-release: deps
	$(SWIFT) build -c release

lint:
	$(SWIFT) format lint --strict --recursive $(FORMAT_PATHS)

format:
	$(SWIFT) format --in-place --recursive $(FORMAT_PATHS)

bench: build-release
	bench/embedded-throughput

bench-amqp: build-release
	bench/amqp-throughput

bench-llm: build-release
	bench/llm-overhead

clean:
	rm -rf .build var
