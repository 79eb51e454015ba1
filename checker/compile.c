/*
** compile.c: building a model. Each .c file is compiled with the compiler's
** thread-sanitizer instrumentation into a .o, the objects are linked (without
** libtsan) into one .so, and the .so is kept in a cache named by a hash of
** everything that went into it. Commands run with fork/execvp, never a shell.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../include/weft.h"
#include "compile.h"

#ifndef WEFT_INCLUDE_DIR
#define WEFT_INCLUDE_DIR "/usr/local/include"
#endif

/* Calls a model makes that weft must see or own: allocation (the heap is
   freed between executions), output (what `weft outcomes` groups by),
   ending the process, and rand (nondeterminism weft explores or seeds).
   One name per entry; other layers append theirs here. */
const char *const weft__wrapped_syms[] = {
    "malloc", "free", "calloc", "realloc", "posix_memalign", "aligned_alloc",
    "memalign", "valloc", "strdup", "strndup",
    "printf", "vprintf", "puts", "putchar", "fputs", "fputc", "putc",
    "fprintf", "vfprintf", "fwrite", "fflush", "perror",
    "__assert_fail", "abort", "exit", "_exit",
    "rand", "srand",
    /* POSIX threads (primitives/pthread*.c): every blocking call, and every
       call that takes a pthread_t, since weft's thread ids are not glibc's.
       Not pthread_create: libgcc.a defines a __wrap_pthread_create of its
       own (for -fsplit-stack), which the link would pull in; weft defines
       pthread_create itself instead, and the model's calls bind to it. */
    "pthread_join", "pthread_tryjoin_np", "pthread_timedjoin_np",
    "pthread_clockjoin_np", "pthread_detach", "pthread_exit", "pthread_self", "pthread_equal",
    "pthread_once", "pthread_key_create", "pthread_key_delete", "pthread_getspecific",
    "pthread_setspecific", "pthread_setname_np", "pthread_getname_np", "pthread_kill",
    "pthread_cancel", "pthread_getattr_np", "pthread_setschedparam", "pthread_getschedparam",
    "pthread_setschedprio", "pthread_setaffinity_np", "pthread_getaffinity_np",
    "__pthread_register_cancel", "__pthread_unregister_cancel",
    "__pthread_register_cancel_defer", "__pthread_unregister_cancel_restore",
    "__pthread_unwind_next",
    "pthread_mutex_init", "pthread_mutex_destroy", "pthread_mutex_lock",
    "pthread_mutex_trylock", "pthread_mutex_timedlock", "pthread_mutex_clocklock",
    "pthread_mutex_unlock", "pthread_mutex_consistent",
    "pthread_spin_init", "pthread_spin_destroy", "pthread_spin_lock", "pthread_spin_trylock",
    "pthread_spin_unlock",
    "pthread_cond_init", "pthread_cond_destroy", "pthread_cond_wait", "pthread_cond_timedwait",
    "pthread_cond_clockwait", "pthread_cond_signal", "pthread_cond_broadcast",
    "pthread_rwlock_init", "pthread_rwlock_destroy", "pthread_rwlock_rdlock",
    "pthread_rwlock_wrlock", "pthread_rwlock_tryrdlock", "pthread_rwlock_trywrlock",
    "pthread_rwlock_timedrdlock", "pthread_rwlock_timedwrlock", "pthread_rwlock_clockrdlock",
    "pthread_rwlock_clockwrlock", "pthread_rwlock_unlock",
    "pthread_barrier_init", "pthread_barrier_destroy", "pthread_barrier_wait",
    "sem_init", "sem_destroy", "sem_wait", "sem_trywait", "sem_timedwait", "sem_clockwait",
    "sem_post", "sem_getvalue",
    "sched_yield", "pthread_yield", "sleep", "usleep", "nanosleep", "clock_nanosleep", "pause",
    /* C11 <threads.h> (primitives/c11threads.c) */
    "thrd_create", "thrd_join", "thrd_detach", "thrd_exit", "thrd_current", "thrd_equal",
    "thrd_yield", "thrd_sleep",
    "mtx_init", "mtx_destroy", "mtx_lock", "mtx_trylock", "mtx_timedlock", "mtx_unlock",
    "cnd_init", "cnd_destroy", "cnd_wait", "cnd_timedwait", "cnd_signal", "cnd_broadcast",
    "tss_create", "tss_delete", "tss_get", "tss_set", "call_once",
    NULL
};

/* How every model file is compiled. -O0 because optimization merges and
   removes the very loads and stores weft must see; -fPIC for the .so;
   -fstack-clash-protection so a large frame cannot jump a coroutine stack's
   guard page; frame pointers for readable crash reports. */
static const char *const cflags[] = {
    "-std=gnu11", "-g", "-O0", "-fPIC", "-fsanitize=thread",
    "-fstack-clash-protection", "-fno-omit-frame-pointer", NULL
};

/* What a user may pass on to the compiler: flags that change what the
   sources mean or how they are optimized, never outputs or link steps. */
static const char *const user_prefixes[] = {
    "-D", "-U", "-I", "-std=", "-O", "-W", "-f", "-g", NULL
};

/* ---- hashing: 64-bit FNV-1a ------------------------------------------------
   Not cryptographic, but deterministic, dependency-free, and enough to tell
   apart the models one user builds. */
#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME  0x100000001b3ull

static void hash_mem(uint64_t *h, const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t x = *h;
    for (size_t i = 0; i < n; i++) {
        x ^= s[i];
        x *= FNV_PRIME;
    }
    *h = x;
}

/* A string with its NUL, so that ("ab", "c") and ("a", "bc") differ. */
static void hash_str(uint64_t *h, const char *s)
{
    hash_mem(h, s, strlen(s) + 1);
}

/* Preprocessed text for the fingerprint: as is, except that file names in
   line markers (# 12 "models/m.c" 2) lose their directories, so that the
   fingerprint does not depend on the directory weft was run from. The
   bytes hashed are those of the rewritten text, so hashing line by line is
   the same as hashing it whole. */
static void hash_portable(uint64_t *h, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *eol = nl ? nl + 1 : end;
        const char *q1 = *s == '#' ? memchr(s, '"', (size_t)(eol - s)) : NULL;
        const char *q2 = q1 ? memrchr(q1 + 1, '"', (size_t)(eol - q1 - 1)) : NULL;
        if (q2) {
            const char *slash = memrchr(q1 + 1, '/', (size_t)(q2 - q1 - 1));
            const char *base = slash ? slash + 1 : q1 + 1;
            hash_mem(h, s, (size_t)(q1 + 1 - s));
            hash_mem(h, base, (size_t)(eol - base));
        } else {
            hash_mem(h, s, (size_t)(eol - s));
        }
        s = eol;
    }
}

/* ---- argument vectors -------------------------------------------------------
   Every string is owned by the vector. An allocation failure is sticky and
   checked once, before the command runs. */
typedef struct args {
    char **v;                   /* NULL-terminated */
    int n, cap;
    bool oom;
} args;

__attribute__((format(printf, 2, 3)))
static void args_add(args *a, const char *fmt, ...)
{
    char *s = NULL;
    va_list ap;
    if (a->oom)
        return;
    if (a->n + 2 > a->cap) {
        int cap = a->cap ? 2 * a->cap : 32;
        char **v = realloc(a->v, (size_t)cap * sizeof *v);
        if (!v) {
            a->oom = true;
            return;
        }
        a->v = v;
        a->cap = cap;
    }
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) {
        a->oom = true;
        s = NULL;
    }
    va_end(ap);
    if (!s)
        return;
    a->v[a->n++] = s;
    a->v[a->n] = NULL;
}

static void args_free(args *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->v[i]);
    free(a->v);
    memset(a, 0, sizeof *a);
}

/* A copy of the first n arguments of src, to extend. */
static void args_prefix(args *dst, const args *src, int n)
{
    memset(dst, 0, sizeof *dst);
    dst->oom = src->oom;
    for (int i = 0; i < n; i++)
        args_add(dst, "%s", src->v[i]);
}

/* ---- running commands -------------------------------------------------------- */

/* Close every descriptor from lo up, in a child before exec: the compiler
   must not hold open a pipe of the caller's (a worker's pipe to its
   supervisor would then not see end-of-file when the worker dies). */
static void close_from(int lo)
{
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lo, ~0u, 0u) == 0)
        return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536)
        max = 65536;
    for (int fd = lo; fd < max; fd++)
        close(fd);
}

/* The command line as a user would type it: arguments with spaces or shell
   characters in single quotes, so a verbose line can be pasted and rerun. */
static void show(char *const *argv)
{
    fputs("weft: $", stderr);
    for (int i = 0; argv[i]; i++) {
        const char *s = argv[i];
        if (*s && !s[strcspn(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!")]) {
            fprintf(stderr, " %s", s);
            continue;
        }
        fputs(" '", stderr);
        for (; *s; s++) {
            if (*s == '\'')
                fputs("'\\''", stderr);
            else
                fputc(*s, stderr);
        }
        fputc('\'', stderr);
    }
    fputc('\n', stderr);
}

/* Run argv (looked up in PATH, no shell), its stderr the user's. If out is
   not NULL, its stdout is read into *out (malloc'ed, NUL-terminated, length
   *outlen); with c_locale it runs with LC_ALL=C, so what it prints does not
   depend on the user's language. Returns its exit code (0..255), 256 + N
   if signal N killed it, or -1 with errno set if it could not be started
   (exec failures come back from the child through a close-on-exec pipe). */
static int run(char *const *argv, char **out, size_t *outlen, bool c_locale, bool verbose)
{
    int errp[2] = {-1, -1}, outp[2] = {-1, -1};
    int child_errno = 0, status = 0, saved, rc = -1;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    bool oom = false;
    ssize_t r;
    pid_t pid;

    if (verbose)
        show(argv);
    if (pipe2(errp, O_CLOEXEC) < 0)
        goto fail;
    if (out && pipe2(outp, O_CLOEXEC) < 0)
        goto fail;
    pid = fork();
    if (pid < 0)
        goto fail;
    if (pid == 0) {
        /* Park the error pipe high first: if the caller had closed fd 1,
           a pipe end may sit on it and the dup2 below would clobber it. */
        int ef = fcntl(errp[1], F_DUPFD_CLOEXEC, 10);
        if (ef < 0)
            _exit(127);
        if (out && dup2(outp[1], 1) < 0)
            _exit(127);
        if (dup2(ef, 3) < 0 || fcntl(3, F_SETFD, FD_CLOEXEC) < 0)
            _exit(127);
        close_from(4);
        if (c_locale)
            setenv("LC_ALL", "C", 1);
        execvp(argv[0], argv);
        int e = errno;
        r = write(3, &e, sizeof e);
        (void)r;
        _exit(127);
    }
    close(errp[1]);
    errp[1] = -1;
    if (out) {
        close(outp[1]);
        outp[1] = -1;
    }
    do
        r = read(errp[0], &child_errno, sizeof child_errno);
    while (r < 0 && errno == EINTR);
    bool exec_failed = r == (ssize_t)sizeof child_errno;
    /* Read everything even after an allocation failure: a child blocked on
       a full pipe would never exit. */
    while (out) {
        char scratch[4096];
        if (!oom && cap - len < 4096 + 1) {
            size_t ncap = cap ? 2 * cap : 65536;
            char *nb = realloc(buf, ncap);
            if (nb) {
                buf = nb;
                cap = ncap;
            } else {
                oom = true;
            }
        }
        char *dst = oom ? scratch : buf + len;
        r = read(outp[0], dst, 4096);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        if (!oom)
            len += (size_t)r;
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            goto fail;
    }
    if (exec_failed) {
        errno = child_errno;
        goto fail;
    }
    if (oom) {
        errno = ENOMEM;
        goto fail;
    }
    if (out) {
        if (!buf && !(buf = malloc(1))) {
            errno = ENOMEM;
            goto fail;
        }
        buf[len] = '\0';
        *out = buf;
        *outlen = len;
        buf = NULL;
    }
    rc = WIFEXITED(status) ? WEXITSTATUS(status) : 256 + WTERMSIG(status);
fail:
    saved = errno;
    for (int i = 0; i < 2; i++) {
        if (errp[i] >= 0)
            close(errp[i]);
        if (outp[i] >= 0)
            close(outp[i]);
    }
    free(buf);
    errno = saved;
    return rc;
}

/* no_header: the include directory, when weft.h is not in it (a broken
   install), which the compiler's "weft.h: No such file" leaves unexplained. */
static void say_failed(const char *cc, int st, const char *no_header)
{
    if (st >= 256)
        fprintf(stderr, "weft: error: the model did not compile (%s was killed by signal %d)\n",
                cc, st - 256);
    else
        fprintf(stderr, "weft: error: the model did not compile (%s exited with %d)\n", cc, st);
    if (no_header)
        fprintf(stderr, "weft: note: weft.h is not in %s, where this weft looks for it; "
                "reinstall weft (make install) or pass -I<dir of weft.h>\n", no_header);
}

/* The compiler and what `cc --version` says, asked once per process (and
   again only if WEFT_CC changes). */
static struct {
    char *cc;
    char *version;
    bool clang;
} ccinfo;

static int cc_probe(const char *cc, bool verbose)
{
    char *argv[] = { (char *)cc, "--version", NULL };
    char *out = NULL, *name;
    size_t len;
    int st;

    if (ccinfo.cc && !strcmp(ccinfo.cc, cc))
        return 0;
    st = run(argv, &out, &len, true, verbose);
    if (st < 0) {
        fprintf(stderr, "weft: error: cannot run the C compiler '%s': %s; "
                "install gcc or clang, or set WEFT_CC to a C compiler\n", cc, strerror(errno));
        return -1;
    }
    if (st != 0) {
        fprintf(stderr, "weft: error: '%s --version' failed (%s %d); "
                "set WEFT_CC to a C compiler (gcc or clang)\n",
                cc, st >= 256 ? "killed by signal" : "exit code", st >= 256 ? st - 256 : st);
        free(out);
        return -1;
    }
    if (!(name = strdup(cc))) {
        fprintf(stderr, "weft: error: out of memory\n");
        free(out);
        return -1;
    }
    free(ccinfo.cc);
    free(ccinfo.version);
    ccinfo.cc = name;
    ccinfo.version = out;
    ccinfo.clang = strstr(out, "clang") != NULL;
    return 0;
}

/* ---- where things are ------------------------------------------------------- */

/* weft.h's directory: next to the running weft (build/../include in the
   source tree, bin/../include once installed), else where `make install`
   put it. */
static void include_dir(char *dir, size_t n)
{
    char exe[PATH_MAX], probe[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash;
    if (k > 0) {
        exe[k] = '\0';
        /* an installed weft (PREFIX/bin/weft) and a build tree (build/weft,
           build/clang/weft, ...) both find include/ a level or two up */
        static const char *const up[] = {"/..", "/../..", "/../../.."};
        if ((slash = strrchr(exe, '/'))) {
            *slash = '\0';
            for (size_t u = 0; u < sizeof up / sizeof up[0]; u++) {
                k = snprintf(probe, sizeof probe, "%s%s/include/weft.h", exe, up[u]);
                if (k <= 0 || (size_t)k >= sizeof probe || access(probe, R_OK) != 0)
                    continue;
                probe[(size_t)k - strlen("/weft.h")] = '\0';
                char *real = realpath(probe, NULL);
                k = snprintf(dir, n, "%s", real ? real : probe);
                free(real);
                if (k > 0 && (size_t)k < n)
                    return;
            }
        }
    }
    snprintf(dir, n, "%s", WEFT_INCLUDE_DIR);
}

/* mkdir -p, each new directory private to the user (as XDG asks of caches). */
static int mkdir_p(const char *path)
{
    char *p = strdup(path);
    struct stat st;
    int rc = -1;
    if (!p)
        return -1;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) < 0 && errno != EEXIST)
            goto fail;
        *s = '/';
    }
    if (mkdir(p, 0700) < 0 && errno != EEXIST)
        goto fail;
    if (stat(p, &st) < 0)
        goto fail;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        goto fail;
    }
    rc = 0;
fail:
    free(p);
    return rc;
}

static int cache_dir(char *dir, size_t n)
{
    const char *e;
    bool shared_tmp = false;
    int k;
    struct stat st;

    if ((e = getenv("WEFT_CACHE")) && *e)
        k = snprintf(dir, n, "%s", e);
    else if ((e = getenv("XDG_CACHE_HOME")) && *e)
        k = snprintf(dir, n, "%s/weft", e);
    else if ((e = getenv("HOME")) && *e)
        k = snprintf(dir, n, "%s/.cache/weft", e);
    else {
        k = snprintf(dir, n, "/tmp/weft-cache-%u", (unsigned)getuid());
        shared_tmp = true;
    }
    if (k < 0 || (size_t)k >= n) {
        fprintf(stderr, "weft: error: the cache directory's path is too long; "
                "set WEFT_CACHE to a shorter one\n");
        return -1;
    }
    if (mkdir_p(dir) < 0) {
        fprintf(stderr, "weft: error: cannot create the cache directory %s: %s; "
                "set WEFT_CACHE to a writable directory\n", dir, strerror(errno));
        return -1;
    }
    /* In /tmp anyone could have made that directory first and planted a
       .so for us to load: use it only if it is ours and closed to others. */
    if (shared_tmp && (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode) ||
                       st.st_uid != getuid() || (st.st_mode & 077))) {
        fprintf(stderr, "weft: error: %s is not a private directory of yours; "
                "set WEFT_CACHE (or HOME) to one\n", dir);
        return -1;
    }
    return 0;
}

/* Delete dir and whatever the compiler left in it. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (d) {
        while ((de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
                continue;
            unlinkat(dirfd(d), de->d_name, 0);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* ---- checking the inputs ------------------------------------------------------ */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && !strcmp(s + n - k, suffix) && s[n - k - 1] != '/';
}

static int check_readable(const char *f)
{
    struct stat st;
    int fd = open(f, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "weft: error: cannot read %s: %s\n", f, strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "weft: error: cannot read %s: %s\n", f,
                S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

static int check_flag(const char *f)
{
    for (int i = 0; user_prefixes[i]; i++) {
        size_t k = strlen(user_prefixes[i]);
        if (strncmp(f, user_prefixes[i], k))
            continue;
        /* "-I dir" as two arguments would make the compiler take the next
           argument (perhaps weft's own) as the value. */
        if (!f[k] && strchr("DUIf", f[1]))
            break;
        return 0;
    }
    fprintf(stderr, "weft: error: the compiler flag '%s' is not one weft passes on; "
            "give -D, -U, -I, -std=, -O, -W, -f or -g flags, each as one argument "
            "(-Idir, -DN=3)\n", f);
    return -1;
}

bool weft__is_elf(const char *path)
{
    char magic[SELFMAG];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool elf = fd >= 0 && read(fd, magic, SELFMAG) == SELFMAG && !memcmp(magic, ELFMAG, SELFMAG);
    if (fd >= 0)
        close(fd);
    return elf;
}

/* ---- a prebuilt .so ------------------------------------------------------------ */

static int prebuilt(const char *f, char *so_path, size_t so_len, char fp[17])
{
    uint64_t h = FNV_OFFSET;
    char *real = realpath(f, NULL);
    char buf[65536];
    int fd = -1, rc = 2;
    ssize_t r;

    if (!real) {
        fprintf(stderr, "weft: error: cannot read %s: %s\n", f, strerror(errno));
        goto fail;
    }
    if (weft__check_instrumented(real)) {
        rc = 3;
        goto fail;
    }
    if ((fd = open(real, O_RDONLY | O_CLOEXEC)) < 0) {
        fprintf(stderr, "weft: error: cannot read %s: %s\n", f, strerror(errno));
        goto fail;
    }
    while ((r = read(fd, buf, sizeof buf)) != 0) {
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "weft: error: cannot read %s: %s\n", f, strerror(errno));
            goto fail;
        }
        hash_mem(&h, buf, (size_t)r);
    }
    if ((size_t)snprintf(so_path, so_len, "%s", real) >= so_len) {
        fprintf(stderr, "weft: error: the path %s is too long\n", real);
        goto fail;
    }
    snprintf(fp, 17, "%016llx", (unsigned long long)h);
    rc = 0;
fail:
    if (fd >= 0)
        close(fd);
    free(real);
    return rc;
}

/* ---- compiling -------------------------------------------------------------------- */

/* The flag that makes __FILE__ in a model file its base name ("racy.c"):
   assertion messages then read the same from any working directory, and so
   does the preprocessed text the fingerprint hashes. Nothing if not needed
   (the file has no directory) or not expressible (a '=' in the directory). */
static void prefix_map(args *a, const char *file)
{
    const char *slash = strrchr(file, '/');
    if (!slash || memchr(file, '=', (size_t)(slash - file)))
        return;
    args_add(a, "-fmacro-prefix-map=%.*s=", (int)(slash - file + 1), file);
}

/* A file name as an argument: "-x.c" would be read as an option. */
static void file_arg(args *a, const char *file)
{
    args_add(a, file[0] == '-' ? "./%s" : "%s", file);
}

int weft__compile(int nfiles, char *const *files, int nflags, char *const *flags,
                  char *so_path, size_t so_len, char fp[17], bool verbose)
{
    const char *cc = getenv("WEFT_CC");
    char inc[PATH_MAX], cache[PATH_MAX], target[PATH_MAX + 32], tmp[PATH_MAX + 32];
    char *real = NULL, *text = NULL;
    const char *no_header = NULL;
    uint64_t key = FNV_OFFSET, print = FNV_OFFSET;
    args base = {0}, cmd = {0}, link = {0};
    int nso = 0, nbase, st, rc = 3;
    bool have_tmp = false;
    size_t len;
    FILE *f;

    if (!cc || !*cc)
        cc = "cc";
    if (nfiles < 1) {
        fprintf(stderr, "weft: error: no model given; name the model's .c files "
                "(or one .so built from them)\n");
        return 2;
    }
    for (int i = 0; i < nfiles; i++) {
        /* a shared object by name, or by content (what `weft cc` linked) */
        if (ends_with(files[i], ".so") || (!ends_with(files[i], ".c") && weft__is_elf(files[i]))) {
            nso++;
        } else if (!ends_with(files[i], ".c")) {
            fprintf(stderr, "weft: error: %s is neither a C file (.c) nor a shared object "
                    "(.so); give the model's .c files, or one .so\n", files[i]);
            return 2;
        }
    }
    if (nso && nfiles > 1) {
        fprintf(stderr, "weft: error: a prebuilt .so must come alone (got %d files); "
                "give either the model's .c files or one .so\n", nfiles);
        return 2;
    }
    for (int i = 0; i < nfiles; i++) {
        if (check_readable(files[i]))
            return 2;
    }
    if (nso)
        return prebuilt(files[0], so_path, so_len, fp);
    for (int i = 0; i < nflags; i++) {
        if (check_flag(flags[i]))
            return 2;
    }

    if (cc_probe(cc, verbose))
        return 3;
    include_dir(inc, sizeof inc);
    if (cache_dir(cache, sizeof cache))
        return 3;

    /* Everything that decides what the .so contains goes into the key. The
       fingerprint takes the same things minus where they are (the
       compiler's path, -I directories, directories in line markers): their
       effect on the model is already in its preprocessed text. */
    hash_str(&key, "weft-key");
    hash_str(&print, "weft-fingerprint");
    hash_str(&key, WEFT_VERSION);
    hash_str(&print, WEFT_VERSION);
    snprintf(tmp, sizeof tmp, "%s/weft.h", inc);
    if (!(f = fopen(tmp, "re")))
        no_header = inc;
    if (f) {
        char buf[4096];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
            hash_mem(&key, buf, k);
            hash_mem(&print, buf, k);
        }
        fclose(f);
    }
    hash_str(&key, cc);
    hash_str(&key, ccinfo.version);
    hash_str(&print, ccinfo.version);

    args_add(&base, "%s", cc);
    for (int i = 0; cflags[i]; i++)
        args_add(&base, "%s", cflags[i]);
    /* Without it clang drops the read of a read-modify-write (x++ is then
       only a write) and a race on it goes unseen. */
    if (ccinfo.clang) {
        args_add(&base, "-mllvm");
        args_add(&base, "-tsan-instrument-read-before-write=1");
    }
    args_add(&base, "-I%s", inc);
    for (int i = 0; i < nflags; i++)
        args_add(&base, "%s", flags[i]);
    for (int i = 1; i < base.n; i++) {
        hash_str(&key, base.v[i]);
        if (strncmp(base.v[i], "-I", 2))
            hash_str(&print, base.v[i]);
    }
    for (int i = 0; weft__wrapped_syms[i]; i++) {
        hash_str(&key, weft__wrapped_syms[i]);
        hash_str(&print, weft__wrapped_syms[i]);
    }
    nbase = base.n;

    /* Preprocessing is cheap, and its output is the only way to see every
       header a file includes: hashing it makes an edited header a miss. */
    for (int i = 0; i < nfiles; i++) {
        args_prefix(&cmd, &base, nbase);
        prefix_map(&cmd, files[i]);
        args_add(&cmd, "-E");
        file_arg(&cmd, files[i]);
        if (cmd.oom)
            goto oom;
        st = run(cmd.v, &text, &len, false, verbose);
        if (st < 0) {
            fprintf(stderr, "weft: error: cannot run %s: %s\n", cc, strerror(errno));
            goto fail;
        }
        if (st != 0) {
            say_failed(cc, st, no_header);
            goto fail;
        }
        hash_str(&key, files[i]);
        hash_mem(&key, text, len + 1);
        hash_portable(&print, text, len);
        hash_mem(&print, "", 1);
        free(text);
        text = NULL;
        args_free(&cmd);
    }

    snprintf(target, sizeof target, "%s/%016llx.so", cache, (unsigned long long)key);
    if (access(target, R_OK) == 0) {
        if (verbose)
            fprintf(stderr, "weft: using the cached %s\n", target);
        goto done;
    }

    /* Build in a private directory of the cache, then rename() the .so
       into place: the rename is atomic, so a concurrent weft sees either
       no .so or a whole one (and if both build, the last rename wins with
       identical content). Same directory tree, so the same file system. */
    snprintf(tmp, sizeof tmp, "%s/tmp-XXXXXX", cache);
    if (!mkdtemp(tmp)) {
        fprintf(stderr, "weft: error: cannot create a directory in %s: %s; "
                "set WEFT_CACHE to a writable directory\n", cache, strerror(errno));
        goto fail;
    }
    have_tmp = true;
    args_add(&link, "%s", cc);
    args_add(&link, "-shared");
    args_add(&link, "-o");
    args_add(&link, "%s/model.so", tmp);
    for (int i = 0; i < nfiles; i++) {
        args_prefix(&cmd, &base, nbase);
        prefix_map(&cmd, files[i]);
        args_add(&cmd, "-c");
        file_arg(&cmd, files[i]);
        args_add(&cmd, "-o");
        args_add(&cmd, "%s/%d.o", tmp, i);      /* numbered: a/x.c and b/x.c may meet */
        args_add(&link, "%s/%d.o", tmp, i);
        if (cmd.oom)
            goto oom;
        st = run(cmd.v, NULL, NULL, false, verbose);
        if (st < 0) {
            fprintf(stderr, "weft: error: cannot run %s: %s\n", cc, strerror(errno));
            goto fail;
        }
        if (st != 0) {
            say_failed(cc, st, no_header);
            goto fail;
        }
        args_free(&cmd);
    }
    /* No -fsanitize here: that would link libtsan, which cannot run in a
       dlopen'ed object; weft itself defines the __tsan_ entry points. */
    for (int i = 0; weft__wrapped_syms[i]; i++)
        args_add(&link, "-Wl,--wrap=%s", weft__wrapped_syms[i]);
    if (link.oom)
        goto oom;
    st = run(link.v, NULL, NULL, false, verbose);
    if (st < 0) {
        fprintf(stderr, "weft: error: cannot run %s: %s\n", cc, strerror(errno));
        goto fail;
    }
    if (st != 0) {
        say_failed(cc, st, no_header);
        goto fail;
    }
    if (rename(link.v[3], target) < 0) {
        fprintf(stderr, "weft: error: cannot store the compiled model as %s: %s; "
                "set WEFT_CACHE to a writable directory\n", target, strerror(errno));
        goto fail;
    }

done:
    /* An absolute path: dlopen then never searches the library path, and
       the path still holds if the caller changes directory. */
    if (!(real = realpath(target, NULL))) {
        fprintf(stderr, "weft: error: cannot read %s: %s\n", target, strerror(errno));
        goto fail;
    }
    if ((size_t)snprintf(so_path, so_len, "%s", real) >= so_len) {
        fprintf(stderr, "weft: error: the path %s is too long; "
                "set WEFT_CACHE to a shorter one\n", real);
        goto fail;
    }
    snprintf(fp, 17, "%016llx", (unsigned long long)print);
    rc = 0;
    goto fail;
oom:
    fprintf(stderr, "weft: error: out of memory\n");
fail:
    if (have_tmp)
        remove_dir(tmp);
    free(real);
    free(text);
    args_free(&base);
    args_free(&cmd);
    args_free(&link);
    return rc;
}

/* ---- checking a .so ----------------------------------------------------------------- */

/* n bytes at off inside a file of size bytes mapped at map, or NULL. */
static const void *at(const void *map, size_t size, uint64_t off, uint64_t n)
{
    if (off > size || n > size - off)
        return NULL;
    return (const char *)map + off;
}

int weft__check_instrumented(const char *so_path)
{
    const ElfW(Ehdr) *eh;
    const ElfW(Shdr) *sh;
    void *map = MAP_FAILED;
    size_t size = 0;
    bool tsan = false, libtsan = false;
    struct stat st;
    int fd, rc = 3;

    if ((fd = open(so_path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) < 0) {
        fprintf(stderr, "weft: error: cannot read %s: %s\n", so_path, strerror(errno));
        goto fail;
    }
    size = (size_t)st.st_size;
    if (size >= sizeof *eh)
        map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    eh = map;
    if (map == MAP_FAILED || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
        eh->e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32) ||
        eh->e_type != ET_DYN) {
        fprintf(stderr, "weft: error: %s is not a shared object for this machine; "
                "give weft the model's .c files to compile\n", so_path);
        goto fail;
    }
    sh = eh->e_shentsize == sizeof *sh
        ? at(map, size, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof *sh) : NULL;
    for (int i = 0; sh && i < eh->e_shnum; i++) {
        const ElfW(Shdr) *s = &sh[i];
        if (s->sh_link >= eh->e_shnum)
            continue;
        const ElfW(Shdr) *strsec = &sh[s->sh_link];
        const char *str = at(map, size, strsec->sh_offset, strsec->sh_size);
        size_t strsz = strsec->sh_size;
        if (!str || !strsz)
            continue;
        if (s->sh_type == SHT_SYMTAB || s->sh_type == SHT_DYNSYM) {
            const ElfW(Sym) *sym = at(map, size, s->sh_offset, s->sh_size);
            size_t n = sym ? s->sh_size / sizeof *sym : 0;
            for (size_t j = 0; j < n && !tsan; j++) {
                const char *name = str + sym[j].st_name;
                size_t room = sym[j].st_name < strsz ? strsz - sym[j].st_name : 0;
                if (room && strnlen(name, room) < room && !strncmp(name, "__tsan_", 7))
                    tsan = true;
            }
        } else if (s->sh_type == SHT_DYNAMIC) {
            const ElfW(Dyn) *d = at(map, size, s->sh_offset, s->sh_size);
            size_t n = d ? s->sh_size / sizeof *d : 0;
            for (size_t j = 0; j < n && d[j].d_tag != DT_NULL; j++) {
                if (d[j].d_tag == DT_NEEDED && d[j].d_un.d_val < strsz &&
                    memmem(str + d[j].d_un.d_val, strnlen(str + d[j].d_un.d_val,
                                                          strsz - d[j].d_un.d_val),
                           "libtsan", 7))
                    libtsan = true;
            }
        }
    }
    if (libtsan) {
        fprintf(stderr, "weft: error: %s is linked with libtsan (it was linked with "
                "-fsanitize=thread), which cannot run inside weft; link it without "
                "-fsanitize=thread, or give weft the model's .c files\n", so_path);
        goto fail;
    }
    if (!tsan) {
        fprintf(stderr, "weft: error: %s was not built with weft's instrumentation "
                "(it references no __tsan_ function): weft would not see its memory "
                "accesses. Build it with weft cc (make CC=\"weft cc\"), or give weft the "
                "model's .c files\n", so_path);
        goto fail;
    }
    rc = 0;
fail:
    if (map != MAP_FAILED)
        munmap(map, size);
    if (fd >= 0)
        close(fd);
    return rc;
}

/* ---- weft cc: a compiler for existing builds ------------------------------------
   `make CC="weft cc"` builds a project the way weft check would build it:
   each compile gets weft's instrumentation flags after the project's own
   (so -O0 wins over a project's -O2), and each link makes a shared object
   with weft's --wrap list and without libtsan, whatever name -o gives it;
   `weft check` takes that file as a prebuilt model. A command that both
   compiles and links (cc -o prog a.c b.c) is run as one compile per source
   into a private directory, then the link: the compiler driver would
   otherwise link libtsan, since the same -fsanitize=thread both
   instruments and links it. */

/* Options of the compiler driver whose value is the next argument. */
static bool takes_value(const char *a)
{
    static const char *const with_value[] = {
        "-o", "-I", "-D", "-U", "-include", "-imacros", "-isystem", "-idirafter", "-iquote",
        "-iprefix", "-MF", "-MT", "-MQ", "-x", "-L", "-l", "-Xlinker", "-Xassembler",
        "-Xpreprocessor", "-u", "-T", "-z", "--param", NULL
    };
    for (int i = 0; with_value[i]; i++)
        if (!strcmp(a, with_value[i]))
            return true;
    return false;
}

/* Link-only options, which a compile step leaves out. */
static bool link_only(const char *a)
{
    return !strncmp(a, "-l", 2) || !strncmp(a, "-L", 2) || !strncmp(a, "-Wl,", 4) ||
           !strcmp(a, "-Xlinker") || !strcmp(a, "-shared") || !strcmp(a, "-static") ||
           !strcmp(a, "-pie") || !strcmp(a, "-no-pie") || !strcmp(a, "-static-pie") ||
           !strcmp(a, "-rdynamic") || !strcmp(a, "-s") || !strcmp(a, "-u") || !strcmp(a, "-T") ||
           !strcmp(a, "-z");
}

/* Options a weft link must not pass on: they would link libtsan or make
   something other than a shared object. */
static bool link_refused(const char *a)
{
    return !strncmp(a, "-fsanitize=", 11) || !strcmp(a, "-static") || !strcmp(a, "-pie") ||
           !strcmp(a, "-no-pie") || !strcmp(a, "-static-pie");
}

static bool is_source(const char *a)
{
    size_t n = strlen(a);
    return n > 2 && !strcmp(a + n - 2, ".c");
}

/* weft's compile flags, after the project's. */
static void add_cflags(args *a, const char *inc, bool user_std)
{
    for (int i = 0; cflags[i]; i++)
        if (strncmp(cflags[i], "-std=", 5) || !user_std)
            args_add(a, "%s", cflags[i]);
    if (ccinfo.clang) {
        args_add(a, "-mllvm");
        args_add(a, "-tsan-instrument-read-before-write=1");
    }
    args_add(a, "-I%s", inc);
}

static int cc_status(int st, const char *cc)
{
    if (st < 0) {
        fprintf(stderr, "weft: error: cannot run %s: %s\n", cc, strerror(errno));
        return 3;
    }
    return st >= 256 ? 128 + (st - 256) : st;
}

int weft__cc(int argc, char *const *argv, bool verbose)
{
    const char *cc = getenv("WEFT_CC");
    char inc[PATH_MAX], tmp[PATH_MAX] = "";
    bool compile_only = false, user_std = false;
    int nsrc = 0, ninputs = 0, st, rc = 3;
    args cmd = {0}, link = {0};

    if (!cc || !*cc)
        cc = "cc";
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (takes_value(a)) {
            i++;
            continue;
        }
        if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E"))
            compile_only = true;
        else if (!strncmp(a, "-std=", 5))
            user_std = true;
        else if (a[0] != '-' || !strcmp(a, "-")) {
            ninputs++;
            nsrc += is_source(a);
        }
    }
    if (cc_probe(cc, verbose))
        return 3;
    include_dir(inc, sizeof inc);

    /* nothing to build (cc --version, cc -dumpmachine): the compiler's answer */
    if (!ninputs) {
        args_add(&cmd, "%s", cc);
        for (int i = 0; i < argc; i++)
            args_add(&cmd, "%s", argv[i]);
        if (cmd.oom)
            goto oom;
        rc = cc_status(run(cmd.v, NULL, NULL, false, verbose), cc);
        goto done;
    }
    if (compile_only) {
        args_add(&cmd, "%s", cc);
        for (int i = 0; i < argc; i++)
            args_add(&cmd, "%s", argv[i]);
        add_cflags(&cmd, inc, user_std);
        if (cmd.oom)
            goto oom;
        rc = cc_status(run(cmd.v, NULL, NULL, false, verbose), cc);
        goto done;
    }

    /* compile and link in one command: each source on its own first */
    char **objs = calloc((size_t)argc + 1, sizeof *objs);
    if (!objs)
        goto oom;
    if (nsrc) {
        const char *t = getenv("TMPDIR");
        snprintf(tmp, sizeof tmp, "%s/weft-cc-XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(tmp)) {
            fprintf(stderr, "weft: error: cannot create a directory in %s: %s\n",
                    t && *t ? t : "/tmp", strerror(errno));
            tmp[0] = '\0';
            free(objs);
            goto done;
        }
    }
    for (int i = 0, k = 0; i < argc; i++) {
        if (takes_value(argv[i])) {
            i++;
            continue;
        }
        if (argv[i][0] == '-' || !is_source(argv[i]))
            continue;
        args_free(&cmd);
        args_add(&cmd, "%s", cc);
        for (int j = 0; j < argc; j++) {
            const char *a = argv[j];
            if (!strcmp(a, "-o") || (takes_value(a) && link_only(a))) {
                j++;
                continue;
            }
            if (takes_value(a)) {
                args_add(&cmd, "%s", a);
                if (j + 1 < argc)
                    args_add(&cmd, "%s", argv[++j]);
                continue;
            }
            if (link_only(a) || (a[0] != '-' && strcmp(a, "-")))
                continue;
            args_add(&cmd, "%s", a);
        }
        add_cflags(&cmd, inc, user_std);
        args_add(&cmd, "-c");
        file_arg(&cmd, argv[i]);
        args_add(&cmd, "-o");
        args_add(&cmd, "%s/%d.o", tmp, k);
        if (cmd.oom) {
            free(objs);
            goto oom;
        }
        st = run(cmd.v, NULL, NULL, false, verbose);
        if (st != 0) {
            rc = cc_status(st, cc);
            free(objs);
            goto done;
        }
        if (asprintf(&objs[i], "%s/%d.o", tmp, k++) < 0) {
            objs[i] = NULL;
            free(objs);
            goto oom;
        }
    }
    args_add(&link, "%s", cc);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (takes_value(a)) {
            args_add(&link, "%s", a);
            if (i + 1 < argc)
                args_add(&link, "%s", argv[++i]);
            continue;
        }
        if (objs[i])
            args_add(&link, "%s", objs[i]);
        else if (!link_refused(a))
            args_add(&link, "%s", a);
    }
    for (int i = 0; i < argc; i++)
        free(objs[i]);
    free(objs);
    /* no -fsanitize here: weft defines the __tsan_ entry points itself */
    args_add(&link, "-shared");
    for (int i = 0; weft__wrapped_syms[i]; i++)
        args_add(&link, "-Wl,--wrap=%s", weft__wrapped_syms[i]);
    if (link.oom)
        goto oom;
    rc = cc_status(run(link.v, NULL, NULL, false, verbose), cc);
    goto done;
oom:
    fprintf(stderr, "weft: error: out of memory\n");
    rc = 3;
done:
    if (tmp[0])
        remove_dir(tmp);
    args_free(&cmd);
    args_free(&link);
    return rc;
}
