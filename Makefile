# The two commands (see README.md). Everything they need is installed by
# scripts/setup.sh. `make package` builds the release packages.
.PHONY: run test bench package

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	cargo bench -p myochart

package:
	scripts/package.sh
