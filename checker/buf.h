/*
** buf.h: a growable text buffer for reports, and JSON string escaping.
*/
#ifndef WEFT_BUF_H
#define WEFT_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct weft__buf { char *p; size_t len, cap; } weft__buf;

void weft__buf_put(weft__buf *b, const char *s, size_t n);
void weft__buf_printf(weft__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void weft__buf_json(weft__buf *b, const char *s, size_t n);   /* a quoted JSON string */
void weft__buf_free(weft__buf *b);

#endif
