/*
** unit_compile_symbols.c: checks compile.c (building, the cache, refusals of
** bad input) and symbols.c (names of functions, variables and lines) on a
** tiny model built into a scratch cache, and on this program itself.
** Standalone for now: TAP-style ok/not ok lines, then "N passed, N failed".
*/
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../checker/compile.h"
#include "../checker/weft_int.h"

/* The model's constructor calls this when it is dlopen'ed (weft defines the
   real one); everything else it references is bound lazily and never called. */
void __tsan_init(void);
void __tsan_init(void) {}

static int passed, failed;

/* what failed is printed as a TAP comment: both sides, never truncated */
static bool check(bool ok, int line, const char *what)
{
    printf("%s %d - %s (line %d)\n", ok ? "ok" : "not ok", passed + failed + 1, what, line);
    if (ok)
        passed++;
    else
        failed++;
    return ok;
}

static void check_eq(long got, long want, int line, const char *what)
{
    if (!check(got == want, line, what))
        printf("#   got %ld, want %ld\n", got, want);
}

static void check_str(const char *got, const char *want, int line, const char *what)
{
    if (!check(got && !strcmp(got, want), line, what))
        printf("#   got \"%s\", want \"%s\"\n", got ? got : "(null)", want);
}

static void check_has(const char *got, const char *part, int line, const char *what)
{
    if (!check(strstr(got, part) != NULL, line, what))
        printf("#   \"%s\" does not contain \"%s\"\n", got, part);
}

#define CHECK(cond) check((cond), __LINE__, #cond)
#define CHECK_EQ(got, want) check_eq((long)(got), (long)(want), __LINE__, #got " == " #want)
#define CHECK_STR(got, want) check_str((got), (want), __LINE__, #got " is " #want)
#define CHECK_HAS(got, part) check_has((got), (part), __LINE__, #got " contains " #part)

/* ---- scaffolding ------------------------------------------------------------- */

static char base[256];          /* scratch directory; its name has a space */
static char model_dir[512], cache[512], cc_log[512];

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f)) {
        perror(path);
        exit(1);
    }
}

static void pathf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void pathf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if ((size_t)vsnprintf(buf, n, fmt, ap) >= n) {
        fprintf(stderr, "path too long\n");
        exit(1);
    }
    va_end(ap);
}

/* A compiler wrapper that logs each compile (-c) and link (-shared) and
   runs the real compiler: how the tests count what weft__compile ran. */
static void make_wrapper(const char *path, const char *real)
{
    char text[2048];
    pathf(text, sizeof text,
          "#!/bin/sh\n"
          "for a in \"$@\"; do\n"
          "  case \"$a\" in -c) echo c >> '%s';; -shared) echo link >> '%s';; esac\n"
          "done\n"
          "exec %s \"$@\"\n", cc_log, cc_log, real);
    put_file(path, text);
    chmod(path, 0755);
}

static int log_count(const char *what)
{
    char line[64];
    int n = 0;
    FILE *f = fopen(cc_log, "r");
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        n += !strcmp(line, what);
    }
    fclose(f);
    return n;
}

/* Entries of the cache that are not finished .so files (temp dirs, .o). */
static int cache_litter(void)
{
    DIR *d = opendir(cache);
    struct dirent *de;
    int n = 0;
    if (!d)
        return -1;
    while ((de = readdir(d))) {
        size_t k = strlen(de->d_name);
        if (de->d_name[0] == '.' || (k == 19 && !strcmp(de->d_name + 16, ".so")))
            continue;
        printf("# litter: %s\n", de->d_name);
        n++;
    }
    closedir(d);
    return n;
}

/* stderr captured into errtext while a call runs. */
static char errtext[8192];
static int saved_stderr = -1;
static FILE *errfile;

static void capture_begin(void)
{
    fflush(stderr);
    errfile = tmpfile();
    saved_stderr = dup(2);
    dup2(fileno(errfile), 2);
}

static void capture_end(void)
{
    size_t n;
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    rewind(errfile);
    n = fread(errtext, 1, sizeof errtext - 1, errfile);
    errtext[n] = '\0';
    fclose(errfile);
}

static int compile(int nfiles, char **files, int nflags, char **flags, char *so, char *fp)
{
    return weft__compile(nfiles, files, nflags, flags, so, 4096, fp, false);
}

static int compile_quiet(int nfiles, char **files, int nflags, char **flags)
{
    char so[4096], fp[17];
    capture_begin();
    int rc = compile(nfiles, files, nflags, flags, so, fp);
    capture_end();
    return rc;
}

static bool is_hex16(const char *s)
{
    return strlen(s) == 16 && strspn(s, "0123456789abcdef") == 16;
}

/* ---- the model --------------------------------------------------------------- */

/* Line numbers matter: worker's opening line is 6. */
static const char tiny_c[] =
    "#include <weft.h>\n"                               /* 1 */
    "#include \"tiny.h\"\n"                             /* 2 */
    "static int hidden = 7;\n"                          /* 3 */
    "int total;\n"                                      /* 4 */
    "long counts[SLOTS];\n"                             /* 5 */
    "static void worker(void) {\n"                      /* 6 */
    "    counts[1]++;\n"                                /* 7 */
    "    total += hidden;\n"                            /* 8 */
    "}\n"                                               /* 9 */
    "void (*worker_ptr)(void) = worker;\n"
    "int *hidden_ptr = &hidden;\n"
    "const char *version = WEFT_VERSION;\n"
    "int main(void) { worker(); return helper(); }\n";
static const char tiny_h[] = "#define SLOTS 4\nint helper(void);\n";
static const char helper_c[] = "#include \"tiny.h\"\nint helper(void) { return SLOTS; }\n";

/* ---- tests ----------------------------------------------------------------------- */

static void test_model_symbols(const char *so, const char *what)
{
    void *h = dlopen(so, RTLD_LAZY | RTLD_LOCAL);
    char buf[256];

    if (!CHECK(h != NULL)) {
        printf("#   %s: %s\n", what, dlerror());
        return;
    }
    void (**wp)(void) = dlsym(h, "worker_ptr");
    int **hp = dlsym(h, "hidden_ptr");
    int *total = dlsym(h, "total");
    long *counts = dlsym(h, "counts");
    CHECK(wp && hp && total && counts);
    if (!wp || !hp || !total || !counts)
        return;
    const char *worker = (const char *)*wp;
    printf("# %s\n", what);
    CHECK_STR(weft__sym_func(worker, buf, sizeof buf), "worker");        /* a static */
    CHECK_STR(weft__sym_func(worker + 3, buf, sizeof buf), "worker");
    CHECK_STR(weft__sym_data((uintptr_t)*hp, buf, sizeof buf), "hidden");  /* a static */
    CHECK_STR(weft__sym_data((uintptr_t)total, buf, sizeof buf), "total");
    CHECK_STR(weft__sym_data((uintptr_t)&counts[1], buf, sizeof buf), "counts+8");
    CHECK_STR(weft__sym_data((uintptr_t)&counts[3] + 2, buf, sizeof buf), "counts+26");
    CHECK_STR(weft__sym_loc(worker + 1, buf, sizeof buf), "tiny.c:6");
    CHECK_STR(weft__sym_loc(worker + 1, buf, sizeof buf), "tiny.c:6");    /* cached */
    /* a small buffer truncates, never overflows */
    char small[5];
    CHECK_STR(weft__sym_loc(worker + 1, small, sizeof small), "tiny");
    dlclose(h);
}

static void test_compile(const char *real_cc)
{
    char tiny[600], helper[600], header[600], wrapper[600];
    char so[4096], fp[17], so2[4096], fp2[17], so3[4096], fp3[17];
    char *files[2] = { tiny, helper };
    char *flags[1] = { "-DUNUSED=1" };
    struct stat st1, st2;

    pathf(tiny, sizeof tiny, "%s/tiny.c", model_dir);
    pathf(helper, sizeof helper, "%s/helper.c", model_dir);
    pathf(header, sizeof header, "%s/tiny.h", model_dir);
    pathf(wrapper, sizeof wrapper, "%s/cc wrapper %s", base, real_cc);
    make_wrapper(wrapper, real_cc);
    setenv("WEFT_CC", wrapper, 1);
    unlink(cc_log);
    printf("# compiling with %s\n", real_cc);

    /* a first build: two compiles and a link */
    CHECK_EQ(compile(2, files, 1, flags, so, fp), 0);
    CHECK(is_hex16(fp));
    CHECK(strncmp(so, cache, strlen(cache)) == 0 && so[0] == '/');
    CHECK_EQ(log_count("c"), 2);
    CHECK_EQ(log_count("link"), 1);
    CHECK_EQ(cache_litter(), 0);
    CHECK_EQ(weft__check_instrumented(so), 0);
    CHECK_EQ(stat(so, &st1), 0);

    /* the same again: the cache answers, nothing is compiled */
    CHECK_EQ(compile(2, files, 1, flags, so2, fp2), 0);
    CHECK_STR(so2, so);
    CHECK_STR(fp2, fp);
    CHECK_EQ(log_count("c"), 2);
    CHECK_EQ(log_count("link"), 1);
    CHECK_EQ(stat(so2, &st2), 0);
    CHECK(st1.st_ino == st2.st_ino && st1.st_mtime == st2.st_mtime);

    /* verbose says so */
    capture_begin();
    weft__compile(2, files, 1, flags, so2, sizeof so2, fp2, true);
    capture_end();
    CHECK_HAS(errtext, "weft: using the cached ");
    CHECK_HAS(errtext, "-E");

    /* the fingerprint is the same from another directory; the files' paths
       differ, so the cache key (and .so) may not be */
    char cwd[4096];
    char *rel[2] = { "tiny.c", "helper.c" };
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK_EQ(chdir(model_dir), 0);
    CHECK_EQ(compile(2, rel, 1, flags, so3, fp3), 0);
    CHECK_STR(fp3, fp);
    /* a file whose name looks like an option */
    put_file("-dash.c", "int main(void) { return 0; }\n");
    CHECK_EQ(compile(1, (char *[]){ "-dash.c" }, 0, NULL, so3, fp3), 0);
    CHECK_EQ(chdir(cwd), 0);

    /* another flag, another model */
    char *flags2[1] = { "-DUNUSED=2" };
    CHECK_EQ(compile(2, files, 1, flags2, so3, fp3), 0);
    CHECK(strcmp(fp3, fp) != 0 && strcmp(so3, so) != 0);

    /* an edited header misses the cache; restored, it hits again */
    int c0 = log_count("c");
    put_file(header, "#define SLOTS 5\nint helper(void);\n");
    CHECK_EQ(compile(2, files, 1, flags, so3, fp3), 0);
    CHECK(strcmp(so3, so) != 0 && strcmp(fp3, fp) != 0);
    CHECK_EQ(log_count("c"), c0 + 2);
    put_file(header, tiny_h);
    CHECK_EQ(compile(2, files, 1, flags, so3, fp3), 0);
    CHECK_STR(so3, so);
    CHECK_STR(fp3, fp);
    CHECK_EQ(log_count("c"), c0 + 2);
    CHECK_EQ(cache_litter(), 0);

    test_model_symbols(so, real_cc);
}

static void test_errors(void)
{
    char bad[600], nohdr[600], dir[600], plain_c[600], plain_so[600], inst_so[600];
    char cmd[4096], so[4096], fp[17], so2[4096], fp2[17];

    capture_begin();
    int rc = compile(1, (char *[]){ "models/x.c" }, 0, NULL, so, fp);
    capture_end();
    CHECK_EQ(rc, 2);
    CHECK_STR(errtext, "weft: error: cannot read models/x.c: No such file or directory\n");

    CHECK_EQ(compile_quiet(0, NULL, 0, NULL), 2);
    CHECK_EQ(compile_quiet(1, (char *[]){ "notes.txt" }, 0, NULL), 2);
    CHECK_HAS(errtext, "notes.txt is neither a C file");
    pathf(dir, sizeof dir, "%s/dir.c", base);
    mkdir(dir, 0700);
    CHECK_EQ(compile_quiet(1, (char *[]){ dir }, 0, NULL), 2);
    CHECK_HAS(errtext, "Is a directory");

    char tiny[600];
    pathf(tiny, sizeof tiny, "%s/tiny.c", model_dir);
    CHECK_EQ(compile_quiet(1, (char *[]){ tiny }, 1, (char *[]){ "-o" }), 2);
    CHECK_HAS(errtext, "'-o' is not one weft passes on");
    CHECK_EQ(compile_quiet(1, (char *[]){ tiny }, 1, (char *[]){ "-I" }), 2);

    /* the compiler fails: its own message, then weft's */
    pathf(bad, sizeof bad, "%s/bad.c", model_dir);
    put_file(bad, "int main(void) { return 0 }\n");
    CHECK_EQ(compile_quiet(1, (char *[]){ bad }, 0, NULL), 3);
    CHECK_HAS(errtext, "bad.c:1");
    CHECK_HAS(errtext, "weft: error: the model did not compile (");
    CHECK_HAS(errtext, " exited with 1)\n");
    pathf(nohdr, sizeof nohdr, "%s/nohdr.c", model_dir);
    put_file(nohdr, "#include \"missing.h\"\nint main(void) { return 0; }\n");
    CHECK_EQ(compile_quiet(1, (char *[]){ nohdr }, 0, NULL), 3);
    CHECK_HAS(errtext, "missing.h");
    /* a link error: total defined twice */
    char dup[600], helper[600];
    pathf(dup, sizeof dup, "%s/dup.c", model_dir);
    pathf(helper, sizeof helper, "%s/helper.c", model_dir);
    put_file(dup, "int total = 1;\n");
    CHECK_EQ(compile_quiet(3, (char *[]){ tiny, helper, dup }, 0, NULL), 3);
    CHECK_HAS(errtext, "total");
    CHECK_HAS(errtext, "weft: error: the model did not compile (");
    CHECK_EQ(cache_litter(), 0);

    /* no compiler */
    char *saved = getenv("WEFT_CC") ? strdup(getenv("WEFT_CC")) : NULL;
    setenv("WEFT_CC", "/nonexistent/cc", 1);
    CHECK_EQ(compile_quiet(1, (char *[]){ tiny }, 0, NULL), 3);
    CHECK_HAS(errtext, "cannot run the C compiler '/nonexistent/cc': No such file");
    if (saved)
        setenv("WEFT_CC", saved, 1);
    else
        unsetenv("WEFT_CC");
    free(saved);

    /* prebuilt objects: plain (refused), instrumented (accepted), linked
       with libtsan (refused) */
    pathf(plain_c, sizeof plain_c, "%s/plain.c", base);
    put_file(plain_c, "int g; int f(void) { return g++; }\n");
    pathf(plain_so, sizeof plain_so, "%s/plain.so", base);
    pathf(cmd, sizeof cmd, "gcc -shared -fPIC -o '%s' '%s'", plain_so, plain_c);
    CHECK_EQ(system(cmd), 0);
    CHECK_EQ(compile_quiet(1, (char *[]){ plain_so }, 0, NULL), 3);
    CHECK_HAS(errtext, "was not built with weft's instrumentation");
    pathf(inst_so, sizeof inst_so, "%s/inst.so", base);
    pathf(cmd, sizeof cmd, "gcc -fsanitize=thread -fPIC -c -o '%s.o' '%s' && "
          "gcc -shared -o '%s' '%s.o' && rm '%s.o'", inst_so, plain_c, inst_so, inst_so, inst_so);
    CHECK_EQ(system(cmd), 0);
    CHECK_EQ(compile(1, (char *[]){ inst_so }, 0, NULL, so, fp), 0);
    CHECK_STR(so, inst_so);
    CHECK(is_hex16(fp));
    CHECK_EQ(compile(1, (char *[]){ inst_so }, 0, NULL, so2, fp2), 0);
    CHECK_STR(fp2, fp);
    pathf(cmd, sizeof cmd, "gcc -fsanitize=thread -fPIC -shared -o '%s' '%s'", inst_so, plain_c);
    CHECK_EQ(system(cmd), 0);
    CHECK_EQ(compile_quiet(1, (char *[]){ inst_so }, 0, NULL), 3);
    CHECK_HAS(errtext, "linked with libtsan");
    CHECK_EQ(compile_quiet(2, (char *[]){ inst_so, tiny }, 0, NULL), 2);
    CHECK_HAS(errtext, "must come alone");
    capture_begin();
    rc = weft__check_instrumented(plain_c);
    capture_end();
    CHECK_EQ(rc, 3);
    CHECK_HAS(errtext, "is not a shared object");

    /* no line info (built without -g): function+offset */
    void *h = dlopen(plain_so, RTLD_NOW | RTLD_LOCAL);
    const char *f = h ? dlsym(h, "f") : NULL;
    char buf[256];
    CHECK(f != NULL);
    if (f) {
        CHECK_STR(weft__sym_loc(f + 5, buf, sizeof buf), "f+0x5");
        CHECK_STR(weft__sym_func(f + 5, buf, sizeof buf), "f");
        CHECK_STR(weft__sym_data((uintptr_t)dlsym(h, "g"), buf, sizeof buf), "g");
    }
    if (h)
        dlclose(h);
}

/* Two weft runs building the same new model at once: both succeed with the
   same .so, and neither leaves anything behind. */
static void test_concurrent(void)
{
    char tiny[600];
    char *flags[1] = { "-DCONCURRENT=1" };
    char paths[2][4096];
    int fds[2][2];
    pid_t pids[2];

    pathf(tiny, sizeof tiny, "%s/tiny.c", model_dir);
    char helper[600];
    pathf(helper, sizeof helper, "%s/helper.c", model_dir);
    char *files[2] = { tiny, helper };
    fflush(stdout);
    for (int i = 0; i < 2; i++) {
        if (pipe(fds[i]) < 0 || (pids[i] = fork()) < 0)
            exit(1);
        if (pids[i] == 0) {
            char so[4096], fp[17];
            int rc = weft__compile(2, files, 1, flags, so, sizeof so, fp, false);
            if (rc == 0 && write(fds[i][1], so, strlen(so) + 1) < 0)
                rc = 9;
            _exit(rc);
        }
        close(fds[i][1]);
    }
    for (int i = 0; i < 2; i++) {
        int status;
        ssize_t n = read(fds[i][0], paths[i], sizeof paths[i] - 1);
        paths[i][n > 0 ? n : 0] = '\0';
        close(fds[i][0]);
        waitpid(pids[i], &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK_STR(paths[1], paths[0]);
    CHECK_EQ(cache_litter(), 0);
}

/* ---- symbols of this program (the main executable) --------------------------------- */

int unit_global = 1;
static long table[3] = { 1, 2, 3 };

__attribute__((noinline)) static int probe_target(int x)
{
    __asm__ volatile("");
    return x * 3 + (int)table[x % 3];
}

__attribute__((noinline)) static const void *return_address(void)
{
    __asm__ volatile("");
    return __builtin_return_address(0);
}

static void test_self_symbols(void)
{
    char buf[256], want[64], again[256];
    int (*volatile fp)(int) = probe_target;

    CHECK_STR(weft__sym_func((const void *)fp, buf, sizeof buf), "probe_target");
    CHECK_STR(weft__sym_func((const void *)test_self_symbols, buf, sizeof buf),
              "test_self_symbols");
    CHECK_STR(weft__sym_data((uintptr_t)&unit_global, buf, sizeof buf), "unit_global");
    CHECK_STR(weft__sym_data((uintptr_t)&table[2], buf, sizeof buf), "table+16");
    const void *ra = return_address(); int ra_line = __LINE__;
    snprintf(want, sizeof want, "unit_compile_symbols.c:%d", ra_line);
    CHECK_STR(weft__sym_loc(ra, buf, sizeof buf), want);

    /* heap and stack are no object's data: the caller names them */
    int local = fp(1);
    void *heap = malloc(16);
    CHECK(weft__sym_data((uintptr_t)heap, buf, sizeof buf) == NULL);
    CHECK(weft__sym_data((uintptr_t)&local, buf, sizeof buf) == NULL);
    free(heap);

    /* libc has no line info here: function+offset, the same every time */
    const char *q = dlsym(RTLD_DEFAULT, "qsort");
    CHECK(q != NULL);
    if (q) {
        weft__sym_loc(q + 5, buf, sizeof buf);
        weft__sym_loc(q + 5, again, sizeof again);
        printf("# qsort+5 is %s\n", buf);
        CHECK(!strcmp(buf, "qsort+0x5") || strchr(buf, ':'));
        CHECK_STR(again, buf);
    }

    /* a forked child starts its own addr2line and gets the same answers */
    const void *ra2 = return_address(); int ra2_line = __LINE__;
    int p[2];
    fflush(stdout);
    if (pipe(p) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            char b[256];
            weft__sym_loc(ra2, b, sizeof b);
            _exit(write(p[1], b, strlen(b) + 1) < 0);
        }
        close(p[1]);
        ssize_t n = read(p[0], buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = '\0';
        close(p[0]);
        waitpid(pid, NULL, 0);
        snprintf(want, sizeof want, "unit_compile_symbols.c:%d", ra2_line);
        CHECK_STR(buf, want);
        CHECK_STR(weft__sym_loc(ra2, again, sizeof again), want);
    }
    CHECK_STR(weft__sym_loc(NULL, buf, sizeof buf), "?");
}

int main(void)
{
    char path[600];

    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(base, sizeof base, "/tmp/weft unit XXXXXX");
    if (!mkdtemp(base)) {
        perror("mkdtemp");
        return 1;
    }
    pathf(model_dir, sizeof model_dir, "%s/my model", base);
    pathf(cache, sizeof cache, "%s/cache dir", base);
    pathf(cc_log, sizeof cc_log, "%s/cc.log", base);
    mkdir(model_dir, 0700);
    pathf(path, sizeof path, "%s/tiny.c", model_dir);
    put_file(path, tiny_c);
    pathf(path, sizeof path, "%s/tiny.h", model_dir);
    put_file(path, tiny_h);
    pathf(path, sizeof path, "%s/helper.c", model_dir);
    put_file(path, helper_c);
    setenv("WEFT_CACHE", cache, 1);

    test_self_symbols();
    test_compile("gcc");
    /* WEFT_UNIT_NO_CLANG: for valgrind, which cannot read clang 14's DWARF 5 */
    if (!getenv("WEFT_UNIT_NO_CLANG") && system("clang --version >/dev/null 2>&1") == 0)
        test_compile("clang");
    else
        printf("# clang not found: skipped\n");
    setenv("WEFT_CC", "gcc", 1);
    test_errors();
    test_concurrent();

    char cmd[600];
    pathf(cmd, sizeof cmd, "rm -rf '%s'", base);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", base);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
