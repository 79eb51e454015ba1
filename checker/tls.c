/*
** tls.c: the model's thread-local variables (__thread, _Thread_local), one
** copy per weft thread. All of weft's threads run on one OS thread, whose
** TLS they would otherwise share. The model is a shared object compiled
** with -fPIC, so each access to one of its thread-local variables calls
** __tls_get_addr(module, offset) (the general- and local-dynamic models).
** The weft executable defines __tls_get_addr and exports it; the model's
** reference binds to it (the executable comes first in symbol lookup, as
** for pthread_create), and for the model's module, inside an execution,
** it answers with the current weft thread's own block, made on the
** thread's first access from the model's TLS image. Everything else goes
** to the dynamic linker's __tls_get_addr. Coroutine switches do nothing
** for TLS: a model without thread-local variables pays nothing.
*/
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

#include "weft_int.h"

/* The x86-64 (and most ABIs') argument of __tls_get_addr. */
typedef struct tls_index {
    unsigned long module;
    unsigned long offset;
} tls_index;

void *__tls_get_addr(tls_index *ti);

static void *(*real_get_addr)(tls_index *);

static struct {
    unsigned long module;       /* the model's TLS module id; 0: it has no TLS */
    const char *image;          /* its initialization image (.tdata) */
    size_t filesz, memsz, align;
} model;

static void resolve(void)
{
    /* the definition after weft's own: the dynamic linker's */
    *(void **)&real_get_addr = dlsym(RTLD_NEXT, "__tls_get_addr");
    WEFT_ASSERT(real_get_addr);
}

__attribute__((constructor)) static void tls_init(void)
{
    if (!real_get_addr)
        resolve();
}

struct find { uintptr_t addr; bool found, static_tls; };

static int find_model(struct dl_phdr_info *info, size_t size, void *arg)
{
    struct find *f = arg;
    const ElfW(Phdr) *tls = NULL;
    bool mine = false;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && f->addr - lo < ph->p_memsz)
            mine = true;
        if (ph->p_type == PT_TLS)
            tls = ph;
    }
    if (!mine)
        return 0;
    f->found = true;
    /* initial-exec accesses (-ftls-model=initial-exec, or a tls_model
       attribute) read the OS thread's block directly, which weft cannot
       redirect: the linker marks such an object DF_STATIC_TLS */
    for (int i = 0; tls && i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_DYNAMIC)
            continue;
        for (const ElfW(Dyn) *d = (const ElfW(Dyn) *)(info->dlpi_addr + ph->p_vaddr);
             d->d_tag != DT_NULL; d++)
            if (d->d_tag == DT_FLAGS && (d->d_un.d_val & DF_STATIC_TLS))
                f->static_tls = true;
    }
    if (tls && info->dlpi_tls_modid) {
        model.module = info->dlpi_tls_modid;
        model.image = (const char *)(info->dlpi_addr + tls->p_vaddr);
        model.filesz = tls->p_filesz;
        model.memsz = tls->p_memsz;
        model.align = tls->p_align ? tls->p_align : 1;
    }
    return 1;
}

int weft__tls_register(const void *addr_in_model)
{
    struct find f = {(uintptr_t)addr_in_model, false, false};
    memset(&model, 0, sizeof model);
    dl_iterate_phdr(find_model, &f);
    if (f.static_tls) {
        fprintf(stderr, "weft: error: the model's thread-local variables use the initial-exec "
                "TLS model (-ftls-model=initial-exec or a tls_model attribute), which would "
                "make all of weft's threads share one copy; build the model without it\n");
        return -1;
    }
    return 0;
}

/* The calling weft thread's copy of the model's TLS block: its image, then
   zeros (.tbss), from the execution's arena (it dies with the execution). */
static char *block(weft__thread *t)
{
    if (!t->tls) {
        char *p = weft__alloc(model.memsz + model.align);
        p += (model.align - (uintptr_t)p % model.align) % model.align;
        memcpy(p, model.image, model.filesz);
        t->tls = p;
    }
    return t->tls;
}

void *__tls_get_addr(tls_index *ti)
{
    if (ti->module == model.module && model.module && weft__ex && weft__ex->cur)
        return block(weft__ex->cur) + ti->offset;
    if (!real_get_addr)
        resolve();
    return real_get_addr(ti);
}
