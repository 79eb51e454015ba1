/*
** symbols.c: names for addresses, for reports: a function's name, a global
** variable's name and offset, a call site's file:line. Symbols come from the
** ELF symbol table of the loaded object's file, lines from one addr2line
** child per object. Nothing printed contains an address: ASLR changes them.
*/
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "weft_int.h"

/* Addresses below are file addresses (st_value, what addr2line expects):
   a run-time address minus the object's bias (dlpi_addr), which is the
   load base for a shared object or a PIE and 0 for a non-PIE executable. */

typedef struct sym {
    uintptr_t addr;
    size_t size;
    const char *name;           /* into the object's mapped file */
    int rank;                   /* among names of one address: lower is printed */
} sym;

typedef struct section {
    uintptr_t addr;
    size_t size;
    const char *name;           /* into the mapped file */
} section;

typedef struct answer {
    uintptr_t key;              /* file address + 1; 0: empty slot */
    char *text;
} answer;

/* One loaded object, found by (name, bias): a model reloaded at another
   address, or another model at the same address, is a new entry. Entries
   live until the process exits; reports are rare and objects few. */
typedef struct object {
    char *name;                 /* dlpi_name: "" for the main program */
    uintptr_t bias;
    char *file;                 /* the file to read (the main program's real path) */
    void *map;                  /* that file, mapped; names point into it */
    size_t maplen;
    sym *funcs, *data;          /* sorted by (addr, size desc, rank, name) */
    size_t nfuncs, ndata;
    section *secs;
    size_t nsecs;
    answer *answers;            /* sym_loc's answers, open addressing */
    size_t nanswers, capanswers;
    pid_t a2l_pid;              /* addr2line: 0 not started, -1 unusable */
    pid_t a2l_owner;            /* our pid when started: a forked child starts its own */
    int a2l_in;                 /* addresses go in here */
    FILE *a2l_out;              /* lines come out here */
} object;

static object **objects;
static size_t nobjects;

/* ---- finding the object that holds an address --------------------------------- */

typedef struct where {
    uintptr_t addr;             /* in */
    bool found, writable;       /* out */
    const char *name;
    uintptr_t bias;
} where;

static int find_cb(struct dl_phdr_info *info, size_t size, void *arg)
{
    where *w = arg;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type != PT_LOAD || w->addr < lo || w->addr - lo >= ph->p_memsz)
            continue;
        w->found = true;
        w->writable = (ph->p_flags & PF_W) != 0;
        w->name = info->dlpi_name;
        w->bias = info->dlpi_addr;
        return 1;
    }
    return 0;
}

/* The main program's file: readlink gives a path addr2line can open too,
   unless the file was replaced since; then its /proc link, which stays
   valid while we run. */
static char *main_file(void)
{
    char buf[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (k > 0) {
        buf[k] = '\0';
        if (access(buf, R_OK) == 0)
            return strdup(buf);
    }
    snprintf(buf, sizeof buf, "/proc/%d/exe", (int)getpid());
    return strdup(buf);
}

/* Which of several names for one address to print, lower first: global
   before weak before local, public before _reserved. Any fixed rule would
   do; a fixed one makes the choice independent of symbol table order. */
static int rank_of(const ElfW(Sym) *s, const char *name)
{
    int bind = ELF64_ST_BIND(s->st_info);     /* the same macro for ELF32 */
    int r = bind == STB_GLOBAL ? 0 : bind == STB_WEAK ? 1 : 2;
    return r + (name[0] == '_' ? 4 : 0);
}

static int sym_cmp(const void *pa, const void *pb)
{
    const sym *a = pa, *b = pb;
    size_t la, lb;
    if (a->addr != b->addr)
        return a->addr < b->addr ? -1 : 1;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    la = strlen(a->name);
    lb = strlen(b->name);
    if (la != lb)
        return la < lb ? -1 : 1;
    return strcmp(a->name, b->name);
}

static int sec_cmp(const void *pa, const void *pb)
{
    const section *a = pa, *b = pb;
    if (a->addr != b->addr)
        return a->addr < b->addr ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* n bytes at off of the mapped file, or NULL if they are not all inside. */
static const void *at(const object *o, uint64_t off, uint64_t n)
{
    if (off > o->maplen || n > o->maplen - off)
        return NULL;
    return (const char *)o->map + off;
}

/* A NUL-terminated string at off of a string table, or NULL. */
static const char *str_at(const char *tab, size_t tabsize, size_t off)
{
    if (!tab || off >= tabsize || !memchr(tab + off, '\0', tabsize - off))
        return NULL;
    return tab + off;
}

/* Read o's symbols and sections from its file. .symtab has the static
   functions and variables a model is full of; a stripped file has only
   .dynsym, which is better than nothing. Any failure leaves the tables
   empty, and the lookups fall back. */
static void load(object *o)
{
    const ElfW(Ehdr) *eh;
    const ElfW(Shdr) *sh, *tab = NULL;
    struct stat st;
    int fd = open(o->file, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0 && st.st_size >= (off_t)sizeof *eh) {
        o->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        o->maplen = (size_t)st.st_size;
    }
    close(fd);
    if (!o->map || o->map == MAP_FAILED) {
        o->map = NULL;
        return;
    }
    eh = o->map;
    if (memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
        eh->e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32) ||
        eh->e_shentsize != sizeof *sh)
        return;
    sh = at(o, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof *sh);
    if (!sh)
        return;

    /* sections: for naming data no symbol covers (".bss+16") */
    const char *shstr = NULL;
    size_t shstrsz = 0;
    if (eh->e_shstrndx < eh->e_shnum) {
        shstr = at(o, sh[eh->e_shstrndx].sh_offset, sh[eh->e_shstrndx].sh_size);
        shstrsz = shstr ? sh[eh->e_shstrndx].sh_size : 0;
    }
    o->secs = calloc(eh->e_shnum ? eh->e_shnum : 1, sizeof *o->secs);
    for (int i = 0; o->secs && i < eh->e_shnum; i++) {
        const char *name = str_at(shstr, shstrsz, sh[i].sh_name);
        /* TLS sections' addresses overlap other sections: skip them */
        if (!(sh[i].sh_flags & SHF_ALLOC) || (sh[i].sh_flags & SHF_TLS) ||
            !sh[i].sh_size || !name || !*name)
            continue;
        o->secs[o->nsecs++] = (section){ sh[i].sh_addr, sh[i].sh_size, name };
    }
    if (o->secs)
        qsort(o->secs, o->nsecs, sizeof *o->secs, sec_cmp);

    for (int i = 0; i < eh->e_shnum; i++) {
        if (sh[i].sh_type == SHT_SYMTAB)
            tab = &sh[i];
        else if (sh[i].sh_type == SHT_DYNSYM && !tab)
            tab = &sh[i];
    }
    if (!tab || tab->sh_link >= eh->e_shnum || tab->sh_entsize != sizeof(ElfW(Sym)))
        return;
    const ElfW(Sym) *syms = at(o, tab->sh_offset, tab->sh_size);
    const char *str = at(o, sh[tab->sh_link].sh_offset, sh[tab->sh_link].sh_size);
    size_t nsyms = syms ? tab->sh_size / sizeof *syms : 0;
    size_t strsz = str ? sh[tab->sh_link].sh_size : 0;
    o->funcs = calloc(nsyms ? nsyms : 1, sizeof *o->funcs);
    o->data = calloc(nsyms ? nsyms : 1, sizeof *o->data);
    if (!o->funcs || !o->data) {
        free(o->funcs);
        free(o->data);
        o->funcs = o->data = NULL;
        return;
    }
    for (size_t i = 0; i < nsyms; i++) {
        const ElfW(Sym) *s = &syms[i];
        int type = ELF64_ST_TYPE(s->st_info);
        const char *name = str_at(str, strsz, s->st_name);
        /* undefined, absolute and common symbols have no address in o */
        if (!name || !*name || s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS ||
            s->st_shndx == SHN_COMMON)
            continue;
        sym e = { s->st_value, s->st_size, name, rank_of(s, name) };
        if (type == STT_FUNC || type == STT_GNU_IFUNC)
            o->funcs[o->nfuncs++] = e;
        else if (type == STT_OBJECT)
            o->data[o->ndata++] = e;
    }
    qsort(o->funcs, o->nfuncs, sizeof *o->funcs, sym_cmp);
    qsort(o->data, o->ndata, sizeof *o->data, sym_cmp);
}

/* The object holding addr (loaded and parsed on first use), or NULL. */
static object *object_at(uintptr_t addr, bool *writable)
{
    where w = { .addr = addr };
    object *o, **grown;

    dl_iterate_phdr(find_cb, &w);
    if (!w.found)
        return NULL;
    if (writable)
        *writable = w.writable;
    for (size_t i = 0; i < nobjects; i++) {
        if (objects[i]->bias == w.bias && !strcmp(objects[i]->name, w.name))
            return objects[i];
    }
    if (!(o = calloc(1, sizeof *o)) ||
        !(grown = realloc(objects, (nobjects + 1) * sizeof *objects)))
        goto fail;
    objects = grown;
    o->name = strdup(w.name);
    o->bias = w.bias;
    o->file = w.name[0] ? strdup(w.name) : main_file();
    if (!o->name || !o->file)
        goto fail;
    load(o);
    objects[nobjects++] = o;
    return o;
fail:
    if (o) {
        free(o->name);
        free(o->file);
    }
    free(o);
    return NULL;
}

/* The symbol of tab holding a, or NULL. Of several names at one address the
   best ranked wins (they sort first in a group, so the backward scan meets
   it last). The scan is bounded: a symbol is looked for only near a. */
static const sym *lookup(const sym *tab, size_t n, uintptr_t a)
{
    const sym *best = NULL;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tab[mid].addr <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i-- > 0 && lo - i <= 64;) {
        const sym *s = &tab[i];
        if (best && s->addr != best->addr)
            break;
        if (a - s->addr < s->size || (s->size == 0 && a == s->addr))
            best = s;
    }
    return best;
}

/* The length of name to print: without the suffix a compiler gives clones
   and split parts of a function (worker.constprop.0, main.cold), so a name
   reads the same at every optimization level. C names have no dots. */
static int name_len(const char *name)
{
    const char *dot = strchr(name + 1, '.');
    size_t n = dot ? (size_t)(dot - name) : strlen(name);
    return n > INT_MAX ? INT_MAX : (int)n;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- functions and data ----------------------------------------------------------- */

const char *weft__sym_func(const void *fn, char *buf, size_t n)
{
    object *o = object_at((uintptr_t)fn, NULL);
    const sym *s = o ? lookup(o->funcs, o->nfuncs, (uintptr_t)fn - o->bias) : NULL;
    Dl_info di;

    if (s)
        snprintf(buf, n, "%.*s", name_len(s->name), s->name);
    else if (dladdr(fn, &di) && di.dli_sname && *di.dli_sname)
        snprintf(buf, n, "%.*s", name_len(di.dli_sname), di.dli_sname);
    else
        snprintf(buf, n, "thread");
    return buf;
}

const char *weft__sym_data(uintptr_t addr, char *buf, size_t n)
{
    bool writable = false;
    object *o = object_at(addr, &writable);
    const sym *s;
    uintptr_t a;

    if (!o)
        return NULL;
    a = addr - o->bias;
    if ((s = lookup(o->data, o->ndata, a))) {
        if (a == s->addr)
            snprintf(buf, n, "%.*s", name_len(s->name), s->name);
        else
            snprintf(buf, n, "%.*s+%zu", name_len(s->name), s->name, (size_t)(a - s->addr));
        return buf;
    }
    /* No variable there (a GOT entry, a string literal, a stripped file):
       the section and offset, still the same in every run. */
    for (size_t i = o->nsecs; i-- > 0;) {
        const section *sec = &o->secs[i];
        if (a >= sec->addr && a - sec->addr < sec->size) {
            snprintf(buf, n, "%s:%s+%zu", base_name(o->file), sec->name,
                     (size_t)(a - sec->addr));
            return buf;
        }
    }
    snprintf(buf, n, "%s+0x%zx", base_name(o->file), (size_t)a);
    return buf;
}

/* The functions of the object holding addr whose names start with prefix:
   up to max run-time ranges [lo, hi). Returns how many. */
int weft__sym_func_ranges(const void *addr, const char *prefix, uintptr_t *lo, uintptr_t *hi,
                          int max)
{
    object *o = object_at((uintptr_t)addr, NULL);
    size_t k = strlen(prefix);
    int n = 0;
    for (size_t i = 0; o && i < o->nfuncs && n < max; i++) {
        const sym *f = &o->funcs[i];
        if (strncmp(f->name, prefix, k) || !f->size)
            continue;
        lo[n] = f->addr + o->bias;
        hi[n] = f->addr + o->bias + f->size;
        n++;
    }
    return n;
}

/* ---- lines: addr2line --------------------------------------------------------------
   One child per object, started at the first lookup and kept: it parses the
   DWARF once, and answers each address on one line (it flushes after each,
   so it can serve a pipe). A child that fails is not restarted; lookups
   then fall back to function+offset. */

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

static void a2l_stop(object *o)
{
    if (o->a2l_pid > 0) {
        close(o->a2l_in);
        fclose(o->a2l_out);
        if (o->a2l_owner == getpid()) {
            while (waitpid(o->a2l_pid, NULL, 0) < 0 && errno == EINTR)
                ;
        }
    }
    o->a2l_pid = -1;
}

static int a2l_start(object *o)
{
    int in[2] = {-1, -1}, out[2] = {-1, -1};
    pid_t pid;

    if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0)
        goto fail;
    pid = fork();
    if (pid < 0)
        goto fail;
    if (pid == 0) {
        /* Park both ends high before dup2: if the caller had closed fd 0
           or 1, a pipe end may sit there. */
        int r = fcntl(in[0], F_DUPFD, 10), w = fcntl(out[1], F_DUPFD, 10);
        int null = open("/dev/null", O_WRONLY);
        if (r < 0 || w < 0 || dup2(r, 0) < 0 || dup2(w, 1) < 0)
            _exit(127);
        /* Its complaints ("Dwarf Error: ...") would only make reports differ. */
        if (null >= 0)
            dup2(null, 2);
        close_from(3);
        /* No network lookups for debug info: slow, and not deterministic. */
        unsetenv("DEBUGINFOD_URLS");
        setenv("LC_ALL", "C", 1);
        execlp("addr2line", "addr2line", "-e", o->file, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    o->a2l_in = in[1];
    if (!(o->a2l_out = fdopen(out[0], "r"))) {
        close(in[1]);
        close(out[0]);
        kill(pid, SIGKILL);
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
            ;
        return -1;
    }
    o->a2l_pid = pid;
    o->a2l_owner = getpid();
    return 0;
fail:
    for (int i = 0; i < 2; i++) {
        if (in[i] >= 0)
            close(in[i]);
        if (out[i] >= 0)
            close(out[i]);
    }
    return -1;
}

/* Write to a pipe whose reader may have died, without dying of SIGPIPE:
   block it, and take back the one our write raised. */
static bool write_quiet(int fd, const char *s, size_t n)
{
    sigset_t pipe_set, old, pending;
    struct timespec zero = {0, 0};
    bool was_pending;
    ssize_t r;

    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    sigprocmask(SIG_BLOCK, &pipe_set, &old);
    sigpending(&pending);
    was_pending = sigismember(&pending, SIGPIPE);
    do
        r = write(fd, s, n);
    while (r < 0 && errno == EINTR);
    if (r < 0 && errno == EPIPE && !was_pending) {
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return r == (ssize_t)n;
}

/* "file.c:12" for file address a of o, into line; false if unknown. */
static bool a2l_ask(object *o, uintptr_t a, char *out, size_t n)
{
    char req[32], *line = NULL, *colon, *end;
    size_t cap = 0;
    ssize_t len;
    int k;
    bool ok = false;

    /* Inherited over fork: that child belongs to the parent, and answers
       would interleave. Let go of our copies and start our own. */
    if (o->a2l_pid > 0 && o->a2l_owner != getpid()) {
        a2l_stop(o);
        o->a2l_pid = 0;
    }
    if (o->a2l_pid == 0 && a2l_start(o) < 0)
        o->a2l_pid = -1;
    if (o->a2l_pid < 0)
        return false;
    k = snprintf(req, sizeof req, "%#zx\n", (size_t)a);
    if (!write_quiet(o->a2l_in, req, (size_t)k) ||
        (len = getline(&line, &cap, o->a2l_out)) <= 0) {
        a2l_stop(o);
        free(line);
        return false;
    }
    /* "/path/racy.c:12", "racy.c:12 (discriminator 3)", "??:0", "racy.c:?" */
    line[strcspn(line, "\n")] = '\0';
    if ((end = strstr(line, " (discriminator ")))
        *end = '\0';
    colon = strrchr(line, ':');
    if (colon && colon[1] >= '1' && colon[1] <= '9' &&
        colon[1 + strspn(colon + 1, "0123456789")] == '\0') {
        *colon = '\0';
        if (strcmp(line, "??") && *line) {
            snprintf(out, n, "%s:%s", base_name(line), colon + 1);
            ok = true;
        }
    }
    free(line);
    return ok;
}

static answer *answer_slot(object *o, uintptr_t key)
{
    size_t mask = o->capanswers - 1;
    size_t i = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 20) & mask;
    while (o->answers[i].key && o->answers[i].key != key)
        i = (i + 1) & mask;
    return &o->answers[i];
}

/* Remember text as the answer for key; a failure only costs a lookup later. */
static void answer_put(object *o, uintptr_t key, const char *text)
{
    answer *slot;
    if (2 * (o->nanswers + 1) > o->capanswers) {
        size_t cap = o->capanswers ? 2 * o->capanswers : 64;
        answer *old = o->answers, *fresh = calloc(cap, sizeof *fresh);
        size_t oldcap = o->capanswers;
        if (!fresh)
            return;
        o->answers = fresh;
        o->capanswers = cap;
        for (size_t i = 0; i < oldcap; i++) {
            if (old[i].key)
                *answer_slot(o, old[i].key) = old[i];
        }
        free(old);
    }
    slot = answer_slot(o, key);
    if (!(slot->text = strdup(text)))
        return;
    slot->key = key;
    o->nanswers++;
}

const char *weft__sym_loc(const void *pc, char *buf, size_t n)
{
    uintptr_t p = (uintptr_t)pc;
    object *o;
    const sym *s;
    char text[PATH_MAX + 32];
    uintptr_t a;

    /* A return address: the call is the instruction before it. */
    if (!p || !(o = object_at(p - 1, NULL))) {
        snprintf(buf, n, "?");
        return buf;
    }
    a = p - 1 - o->bias;
    if (o->capanswers) {
        answer *slot = answer_slot(o, a + 1);
        if (slot->key) {
            snprintf(buf, n, "%s", slot->text);
            return buf;
        }
    }
    /* No line info: the function and the offset of pc in it, as a
       backtrace prints it; an offset is the same in every run. */
    if (!a2l_ask(o, a, text, sizeof text)) {
        if ((s = lookup(o->funcs, o->nfuncs, a)))
            snprintf(text, sizeof text, "%.*s+0x%zx", name_len(s->name), s->name,
                     (size_t)(a + 1 - s->addr));
        else
            snprintf(text, sizeof text, "%s+0x%zx", base_name(o->file), (size_t)(a + 1));
    }
    answer_put(o, a + 1, text);
    snprintf(buf, n, "%s", text);
    return buf;
}
