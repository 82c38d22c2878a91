# The two commands (see README.md). Everything they need is installed by
# scripts/setup.sh.
.PHONY: run test bench

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	cargo bench -p myochart
