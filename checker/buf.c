/*
** buf.c: growable text buffers. Allocation failure is weft's environment
** failing, reported once and fatal: a report cut short would mislead.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void grow(weft__buf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (b->len + need + 1 > cap)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        fprintf(stderr, "weft: error: out of memory while writing a report\n");
        exit(2);
    }
    b->p = p;
    b->cap = cap;
}

void weft__buf_put(weft__buf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void weft__buf_printf(weft__buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char probe[1];
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void weft__buf_json(weft__buf *b, const char *s, size_t n)
{
    weft__buf_put(b, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': weft__buf_put(b, "\\\"", 2); break;
        case '\\': weft__buf_put(b, "\\\\", 2); break;
        case '\n': weft__buf_put(b, "\\n", 2); break;
        case '\t': weft__buf_put(b, "\\t", 2); break;
        case '\r': weft__buf_put(b, "\\r", 2); break;
        default:
            if (c < 0x20 || c == 0x7f)
                weft__buf_printf(b, "\\u%04x", c);
            else
                weft__buf_put(b, (const char *)&s[i], 1);
        }
    }
    weft__buf_put(b, "\"", 1);
}

void weft__buf_free(weft__buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
