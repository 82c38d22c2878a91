# The two commands (see README.md). Everything they need is installed by
# scripts/setup.sh. `make package` builds the release packages.
.PHONY: run test bench bench-clinic bench-app package

run:
	scripts/run.sh

test:
	scripts/test.sh

bench:
	cargo bench -p myochart

# Clinic mode against SQLite (benches/clinic.rs): it needs a PostgreSQL server,
# a throwaway one from scripts/with-postgres.sh.
bench-clinic:
	scripts/with-postgres.sh cargo bench -p myochart --bench clinic

# Start-up and memory against a bare Tauri window (scripts/bench-app.sh).
bench-app:
	scripts/bench-app.sh

package:
	scripts/package.sh
