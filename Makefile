# weft: a deterministic concurrency model checker for C.
#   make                 build/weft, build/libweft.a, build/libweft.so
#   make test            the whole test suite (both coroutine backends)
#   make bench           the benchmark table
#   make asan            the suite under AddressSanitizer + UBSan
#   make install PREFIX=/usr/local
#   make CORO=ucontext   switch coroutines with swapcontext instead of assembly

CC ?= cc
PREFIX ?= /usr/local
BUILD ?= build
CORO ?= asm

WARN = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS ?= -g -O2
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) -fPIC -MMD -MP -D_GNU_SOURCE -Iinclude \
             -DWEFT_INCLUDE_DIR='"$(PREFIX)/include"'
ifeq ($(CORO),ucontext)
ALL_CFLAGS += -DWEFT_CORO_UCONTEXT
endif
LIBS = -lffi -ldl

CORE_SRC = $(filter-out checker/cli.c,$(wildcard checker/*.c)) $(wildcard primitives/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ = $(BUILD)/obj/checker/cli.o

all: $(BUILD)/weft $(BUILD)/libweft.a $(BUILD)/libweft.so

# libffi's header is the one thing a fresh Debian with gcc and make lacks:
# install it (apt-get, as root or through sudo) the first time it is missing.
$(BUILD)/.deps:
	@mkdir -p $(BUILD)
	@if ! echo '#include <ffi.h>' | $(CC) -E - >/dev/null 2>&1; then \
	    echo "weft: installing libffi-dev (ffi.h is missing)"; \
	    SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    $$SUDO apt-get update -q && $$SUDO apt-get install -y -q libffi-dev || \
	    { echo "weft: please install libffi-dev (Debian/Ubuntu) or libffi-devel"; exit 1; }; \
	fi
	@command -v addr2line >/dev/null || echo "weft: warning: addr2line (binutils) is missing: reports will show no file:line"
	@touch $@

$(BUILD)/obj/%.o: %.c | $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# The executable exports every symbol (-rdynamic): the model it loads calls
# weft's __tsan_* hooks, its __wrap_* functions and the weft_* API.
$(BUILD)/weft: $(CLI_OBJ) $(CORE_OBJ)
	$(CC) $(CFLAGS) -rdynamic -o $@ $^ $(LIBS)

$(BUILD)/libweft.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libweft.so: $(CORE_OBJ)
	$(CC) $(CFLAGS) -shared -o $@ $^ $(LIBS)

# ---- tests ------------------------------------------------------------------
TEST_BIN = $(BUILD)/tests/runner
$(TEST_BIN): tests/runner.c $(wildcard tests/*.h) $(CORE_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Ichecker -rdynamic -o $@ tests/runner.c $(CORE_OBJ) $(LIBS)

$(BUILD)/weft-ucontext: FORCE
	$(MAKE) --no-print-directory BUILD=$(BUILD)/ucontext CORO=ucontext $(BUILD)/ucontext/weft
	cp $(BUILD)/ucontext/weft $@

# weft_check() from a user's program: instrumented objects, linked against libweft.so
$(BUILD)/tests/lib_check: tests/lib_check.c $(BUILD)/libweft.so
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -g -O0 -Iinclude -fsanitize=thread -c tests/lib_check.c -o $(BUILD)/tests/lib_check.o
	$(CC) -o $@ $(BUILD)/tests/lib_check.o -L$(BUILD) -Wl,-rpath,$(CURDIR)/$(BUILD) -lweft

test: all $(TEST_BIN) $(BUILD)/weft-ucontext $(BUILD)/tests/lib_check
	WEFT_CACHE=$(CURDIR)/$(BUILD)/cache WEFT=$(BUILD)/weft WEFT_UCONTEXT=$(BUILD)/weft-ucontext \
	    $(TEST_BIN)

# ---- benchmarks: figures, never assertions ---------------------------------------
$(BUILD)/bench-switch: tests/bench_switch.c $(BUILD)/obj/checker/coro.o
	$(CC) $(ALL_CFLAGS) -Ichecker -o $@ $^

bench: all $(BUILD)/weft-ucontext $(BUILD)/bench-switch
	$(MAKE) --no-print-directory BUILD=$(BUILD)/ucontext CORO=ucontext $(BUILD)/ucontext/bench-switch
	WEFT_CACHE=$(CURDIR)/$(BUILD)/cache sh tests/bench.sh $(BUILD)

# ---- sanitizers -----------------------------------------------------------------------
# the suite with weft itself built under ASan+UBSan (memory errors and
# undefined behaviour fail a test; a CLI's memory still held at exit is no leak)
asan:
	ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0 $(MAKE) --no-print-directory BUILD=build/asan \
	    CFLAGS="-g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer" test

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/weft $(DESTDIR)$(PREFIX)/bin/weft
	install -m 644 $(BUILD)/libweft.a $(BUILD)/libweft.so $(DESTDIR)$(PREFIX)/lib/
	install -m 644 include/weft.h $(DESTDIR)$(PREFIX)/include/weft.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|0.1.0|g' weft.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/weft.pc

clean:
	rm -rf build

FORCE:
.PHONY: all test bench asan install clean FORCE

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
