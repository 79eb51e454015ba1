/*
** compile.h: turning a model's C files into an instrumented shared object
** that weft can dlopen, cached by content, and checking that a prebuilt .so
** carries weft's instrumentation.
*/
#ifndef WEFT_COMPILE_H
#define WEFT_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

/* Every symbol the model object is linked with -Wl,--wrap=SYM for: the
   model's calls to SYM become calls to __wrap_SYM, which weft defines (and
   exports with -rdynamic). NULL-terminated. Changing the list changes the
   cache key, so stale objects are never reused. */
extern const char *const weft__wrapped_syms[];

/* Compile the model's C files (with the user's -D/-U/-I/-std=/-O/-W/-f/-g
   flags, each one argument: "-Idir", not "-I" "dir") into an instrumented
   shared object, cached by content; or accept exactly one prebuilt .so.
   On success returns 0, writes the .so path into so_path (it always
   contains a '/', so dlopen never searches the library path) and a
   16-hex-digit fingerprint of the model into fp.
   Errors: 2 for input errors (no file, a missing/unreadable file, a file
   that is not .c/.so, a .so mixed with others, a flag weft does not pass
   on), after "weft: error: ..." on stderr; 3 if the compiler cannot be run
   or fails (its messages already on stderr, then "weft: error: the model
   did not compile (<cc> exited with N)"), or the cache cannot be written.
   With verbose, every command run is printed on stderr.
   The fingerprint, unlike the cache key, does not depend on the directory
   the model was compiled from (see compile.c), so a schedule token printed
   by `weft check models/m.c` replays with `cd models; weft replay m.c`. */
int weft__compile(int nfiles, char *const *files, int nflags, char *const *flags,
                  char *so_path, size_t so_len, char fp[17], bool verbose);

/* Check that so_path is an ELF shared object built with weft's
   instrumentation (it references a __tsan_ symbol) and not linked against
   libtsan. Returns 0, or prints "weft: error: ..." and returns 3. */
int weft__check_instrumented(const char *so_path);

/* Does the file start with the ELF magic? (A model built by `weft cc` has
   whatever name the build gave it.) */
bool weft__is_elf(const char *path);

/* `weft cc ARGS...`: run the C compiler ($WEFT_CC, default cc) as a build
   would, with weft's instrumentation: compiles (-c, -S, -E) get weft's
   flags after the project's; links make an instrumented shared object
   (with weft's --wrap list, without libtsan) under the name -o gives,
   which `weft check` accepts. Returns the compiler's exit status (128+N
   if killed by signal N), or 3 if it could not be run. */
int weft__cc(int argc, char *const *argv, bool verbose);

#endif
