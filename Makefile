# Thin wrapper around CMake. `make run` and `make test` do all set-up on a fresh Debian 12.
BUILD    ?= build
ARGS     ?= --windowed
JOBS     ?= $(shell nproc)
# -Werror: OFF for build/run (a newer compiler's new warnings must not stop a user's build);
# make test (and so CI) builds every one of its build dirs with ON.
WERROR   ?= OFF
# Every Debian package the build, the kiosk and the tests need (see README: Dependencies).
DEPS := cmake make g++ pkg-config \
        libimgui-dev libglfw3-dev libx11-dev libxext-dev python3-glad libstb-dev doctest-dev libfontconfig-dev \
        libtomlplusplus-dev libqrencode-dev libsodium-dev libsqlite3-dev libsystemd-dev libespeak-ng-dev espeak-ng-data \
        libcurl4-openssl-dev libarchive-dev \
        fonts-noto-core fonts-dejavu-core x11-xserver-utils xinput \
        xvfb xauth xdotool imagemagick zbar-tools openbox sox \
        clang libclang-rt-dev dpkg-dev
# Only make test needs these: lintian, Xorg's dummy driver for the session script, and what the
# package depends on, so installing it in the test pulls nothing new (tests/deploy/).
TEST_DEPS := lintian xserver-xorg-core xserver-xorg-video-dummy xserver-xorg-input-libinput \
        xauth x11-xserver-utils xinput x11-utils libpam-systemd adduser ca-certificates minisign
# The fleet's Prometheus rules and metrics (tests/package/test_monitoring.sh): promtool. Apart from
# TEST_DEPS, whose list keys the cached chroot of another release (DIST).
MONITORING_DEPS := prometheus
# The booted-machine test (tests/vm/): a Debian image made with mmdebstrap, booted under QEMU.
VM_DEPS := qemu-system-x86 mmdebstrap e2fsprogs python3 imagemagick tesseract-ocr
# make apt-repo and its test: the repository, and the kiosk side that installs from it.
APT_DEPS := reprepro gnupg unattended-upgrades
# Only make bench needs this: the browser the kiosk is compared with (tests/bench.sh).
BENCH_DEPS := chromium

.PHONY: deps test-deps vm-test build run test test-fast bench fuzz soak check proof format clean \
        package bundle test-dist apt-repo

# Another Debian release (README: Deploying): make package DIST=trixie builds, tests and packages
# in a chroot of it, made with mmdebstrap from the same DEPS and TEST_DEPS and cached under
# $(BUILD)/dist, keyed on that list; the result lands in $(BUILD)-$(DIST)/. Empty: this machine.
DIST ?=
DIST_RUN = JOBS=$(JOBS) src/deploy/tools/dist-chroot $(DIST) $(BUILD)/dist "$(DEPS) $(TEST_DEPS)" \
           src/deploy/tools/dist-build $(BUILD)-$(DIST)

# Installs the packages of $(1) that are missing (apt-get; sudo when not root).
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "make $@: all packages present"; exit 0; fi; \
	echo "make $@: installing:$$missing"; \
	if [ "$$(id -u)" -ne 0 ]; then \
	  if command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "make $@: not root and no sudo; run as root: apt-get install$$missing" >&2; exit 1; fi; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing
endef

deps:
	$(call install_missing,$(DEPS))

test-deps: deps
	$(call install_missing,$(TEST_DEPS) $(VM_DEPS) $(APT_DEPS) $(MONITORING_DEPS))

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
	  -DWEGWIJZER_WERROR=$(WERROR)
	cmake --build $(BUILD) -j $(JOBS)

# With a display: the kiosk in a window. Without one: every screen as PNG in build/proof.
run: build
	@if [ -n "$$DISPLAY" ]; then exec $(BUILD)/wegwijzer $(ARGS); \
	else for lang in nl en; do \
	    tests/with-xvfb.sh $(BUILD)/wegwijzer --proof $(BUILD)/proof/$$lang --size 1920x1080 --lang $$lang || exit 1; \
	  done; echo "No display: rendered every screen to $(BUILD)/proof/nl/ and $(BUILD)/proof/en/ (open the PNGs)"; fi

# The build dir is shared with `make build`: reconfigured here with -Werror (a sub-make, so
# `make build test` cannot leave it without).
test: test-deps
	$(MAKE) --no-print-directory build WERROR=ON
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 900
	# The Debian package: lintian; as root also install, upgrade and purge (tests/package/).
	cd $(BUILD) && cpack -G DEB
	tests/package/test_package.sh $(BUILD)
	# The package from a signed apt repository: apt checks the key, unattended-upgrades the origin.
	tests/package/test_apt_repo.sh $(BUILD)
	# The fleet's alert rules and metrics contract: promtool check and test rules.
	tests/package/test_monitoring.sh
	# The package on a booted Debian 12 machine: boot, tap, 5 minutes stable, kill -9, the
	# watchdog, a visitor's keyboard. The rest of the checks: make vm-test.
	tests/vm/run.sh $(BUILD) bookworm boot,tap,stable,restart,watchdog,lockdown
	cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DWEGWIJZER_GUI=ON -DWEGWIJZER_SANITIZE=ON \
	  -DWEGWIJZER_WERROR=ON
	cmake --build $(BUILD)-asan -j $(JOBS) --target core_tests platform_tests ui_tests
	# Reports on stdout: some tests capture stderr (tests/core/stderr_capture.h) while they run.
	for t in core_tests platform_tests ui_tests; do echo "== $$t (ASan + UBSan)"; \
	  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:log_path=stdout \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=stdout \
	  LSAN_OPTIONS=suppressions=tests/lsan.supp:print_suppressions=0 \
	  $(BUILD)-asan/$$t || exit 1; done
	cmake -S . -B $(BUILD)-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWEGWIJZER_GUI=OFF \
	  -DWEGWIJZER_TSAN=ON -DWEGWIJZER_WERROR=ON
	# Every library that starts a thread (ww_library THREADS: the Speaker, the stats writer, the
	# updater, the PIN verifier, the signal watcher) builds without a window and is in
	# platform_tests; its doctest suite, named after its folder, runs here (thread_suites).
	cmake --build $(BUILD)-tsan -j $(JOBS) --target platform_tests
	tests/tsan.sh $(BUILD)-tsan/platform_tests -ts=$$(cat $(BUILD)-tsan/thread_suites)
	WERROR=ON tests/fuzz.sh $(BUILD)-fuzz 30

# The fast loop (src/README.md): the core, platform and headless UI tests (ctest labels unit and
# ui), without the soak and monkey (slow), the real window (e2e), the sanitizers, the package and
# the booted machine. Everything: make test.
test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 900 -L '^(unit|ui)$$' -LE '^slow$$'

# The Debian package: build/wegwijzer_<version>_<arch>.deb (README: Deploying on a kiosk); with
# DIST=trixie: build-trixie/wegwijzer_<version>_<arch>.deb, built and tested in a trixie chroot.
# Files dated at the last commit: the same source gives the same bytes, so make apt-repo can
# publish a version again without a clash.
ifeq ($(DIST),)
package: build
	cd $(BUILD) && SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || date +%s) cpack -G DEB
else
package:
	$(call install_missing,mmdebstrap)
	$(DIST_RUN) package
endif

# In the chroot of DIST: the build with -Werror and every ctest test, the real-window ones under
# Xvfb (this machine's own release: make test).
test-dist:
	@[ -n "$(DIST)" ] || { echo "make test-dist: set DIST, e.g. DIST=trixie" >&2; exit 2; }
	$(call install_missing,mmdebstrap)
	$(DIST_RUN) test

# The booted-machine test, every check (README: Deploying on a kiosk): make vm-test [DIST=trixie]
# (the screens it expects come from this machine's build).
vm-test: test-deps build package
	tests/vm/run.sh $(BUILD) $(or $(DIST),bookworm) all

# A signed content bundle of layouts/ + assets/ for kiosks that pull updates (README: Content
# updates): make bundle KEY=bundle.key VERSION=N EXPIRES=YYYY-MM-DD [OUT=build/bundle.tar.gz]
# A password-protected key: minisign asks on the terminal; for CI, PASSWORD_FILE=FILE or the
# environment variable WEGWIJZER_BUNDLE_PASSWORD.
OUT ?= $(BUILD)/bundle.tar.gz
bundle: build
	$(call install_missing,minisign)
	src/deploy/tools/make-bundle --key "$(KEY)" --version "$(VERSION)" --expires "$(EXPIRES)" \
	  --out "$(OUT)" --wegwijzer $(BUILD)/wegwijzer $(if $(PASSWORD_FILE),--password-file "$(PASSWORD_FILE)")

# The package in a signed apt repository folder for any web server (README: Updating the program
# from an apt repository): make apt-repo APT_KEY=<key id | exported secret key file>
# [APT_REPO=DIR] [DIST=trixie]. The default folder is per release: both builds have one version.
APT_REPO ?= $(BUILD)$(if $(DIST),-$(DIST))/apt-repo
apt-repo: package
	$(call install_missing,$(APT_DEPS))
	src/deploy/tools/make-apt-repo --repo "$(APT_REPO)" --key "$(APT_KEY)" \
	  --codename $(or $(DIST),$$(. /etc/os-release && echo $$VERSION_CODENAME)) \
	  $(BUILD)$(if $(DIST),-$(DIST))/wegwijzer_*.deb

check: build
	$(BUILD)/wegwijzer --check

bench: build
	$(call install_missing,$(BENCH_DEPS))
	tests/bench.sh $(BUILD)

# The real-window monkey for HOURS hours (default 1): RSS and open files at start and end, both
# must stay flat. Replay a failure with MONKEY_SEED=N.
HOURS ?= 1
soak: build
	MONKEY_SOAK=1 MONKEY_SECONDS=$$(awk 'BEGIN { print int($(HOURS) * 3600) }') \
	  tests/e2e/test_monkey.sh $(BUILD)/wegwijzer

fuzz: deps
	tests/fuzz.sh $(BUILD)-fuzz 600

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-tsan $(BUILD)-fuzz $(if $(DIST),$(BUILD)-$(DIST))
