# BackStrong: two commands do everything.
#   make run    install what is missing, build the release bundle, serve :3000
#   make test   install what is missing, run every test tier
# LEPTOS_SITE_ADDR changes the address (e.g. LEPTOS_SITE_ADDR=0.0.0.0:8080).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
LEPTOS_SITE_ADDR ?= 127.0.0.1:3000
export LEPTOS_SITE_ADDR

.PHONY: run test test-postgres build export size bench-timer bench-storage bench-server bench-sync lighthouse setup setup-test setup-bench clean

run: build
	LEPTOS_SITE_ROOT=target/site target/release/backstrong serve --sync-db target/backstrong-sync.sqlite

test: setup-test
	scripts/test.sh

build: setup
	scripts/build.sh

## The static site in dist/: any static file host can serve it.
export: build
	LEPTOS_SITE_ROOT=target/site target/release/backstrong export --out dist

## Bytes a phone downloads on a first visit; ends with a BENCH line.
size: build
	scripts/size.sh

## How far the on-screen rest timer strays from the clock (about a minute).
bench-timer: setup-test build
	cargo run --quiet -p end2end --bin bench-timer

## A three-year history: stored bytes, time to render the Progress screen.
bench-storage: setup-test build
	cargo run --quiet -p end2end --bin bench-storage

## The sync API on SQLite (and PostgreSQL when BACKSTRONG_TEST_POSTGRES is set):
## writes a second, read latency, the size of a sealed three-year snapshot.
bench-sync: build
	cargo run --quiet --release -p end2end --bin bench-sync

## The sync store's tests and the API's on PostgreSQL: installs Debian's
## PostgreSQL, starts a throw-away cluster as an unprivileged user.
test-postgres: build
	scripts/test-postgres.sh

## Requests per second, latency and memory of the server against nginx.
bench-server: setup-bench build
	scripts/bench-server.sh

## Lighthouse (mobile, median of 3) against the release server.
lighthouse: setup-test build
	scripts/lighthouse.sh

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

setup-bench:
	scripts/setup.sh --bench

clean:
	cargo clean
	rm -rf dist node_modules
