# Thin wrapper around CMake. `make run` and `make test` do all set-up on a fresh Debian 12.
BUILD    ?= build
ARGS     ?= --windowed
JOBS     ?= $(shell nproc)
# Every Debian package the build, the kiosk and the tests need (see README: Dependencies).
DEPS := cmake make g++ pkg-config \
        libimgui-dev libglfw3-dev python3-glad libstb-dev doctest-dev libfontconfig-dev \
        libtomlplusplus-dev libqrencode-dev libsodium-dev libespeak-ng-dev espeak-ng-data \
        fonts-noto-core fonts-dejavu-core \
        xvfb xauth xdotool imagemagick zbar-tools openbox sox \
        clang libclang-rt-14-dev

.PHONY: deps build run test bench fuzz check proof format clean

deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "make deps: all packages present"; exit 0; fi; \
	echo "make deps: installing:$$missing"; \
	if [ "$$(id -u)" -ne 0 ]; then \
	  if command -v sudo >/dev/null; then SUDO=sudo; else \
	    echo "make deps: not root and no sudo; run as root: apt-get install$$missing" >&2; exit 1; fi; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

# With a display: the kiosk in a window. Without one: every screen as PNG in build/proof.
run: build
	@if [ -n "$$DISPLAY" ]; then exec $(BUILD)/wegwijzer $(ARGS); \
	else tests/with-xvfb.sh $(BUILD)/wegwijzer --proof $(BUILD)/proof --size 1920x1080 && \
	  echo "No display: rendered every screen to $(BUILD)/proof/ (open the PNGs)"; fi

test: build
	cd $(BUILD) && ctest --output-on-failure -j 2 --timeout 900

check: build
	$(BUILD)/wegwijzer --check

bench: build
	tests/bench.sh $(BUILD)

fuzz: deps
	tests/fuzz.sh $(BUILD)-fuzz 600

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h')

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
