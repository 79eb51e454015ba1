/*
** report.h: findings and how they are printed (report.c).
*/
#ifndef WEFT_REPORT_H
#define WEFT_REPORT_H

#include "buf.h"
#include "weft_int.h"

struct weft__shrink_stats;

typedef struct weft__finding {
    int kind;
    const char *message;
    const char *token;
    long execution;           /* 1-based */
    const struct weft__shrink_stats *shrunk;   /* NULL: the schedule as found */
} weft__finding;

/* One operation as the listing prints it: "acquire lock_a", "read total = 0". */
void weft__report_op(weft__exec *ex, const weft__event *e, char *buf, size_t n);
/* A value as the listing prints it: a pointer as what it points to ("&total",
   "&heap#2", "&lock_a"), never as an address; else the number. */
void weft__report_value(weft__exec *ex, long v, int size, char *buf, size_t n);
void weft__report_listing(weft__exec *ex, weft__buf *b, int width);
/* The model's output of the execution, as an "output:" block (nothing if none). */
void weft__report_output(weft__exec *ex, weft__buf *b);
void weft__report_text(weft__exec *ex, const weft__finding *f, weft__buf *b);
void weft__report_json(weft__exec *ex, const weft__finding *f, weft__buf *b);
void weft__report_trace_json(weft__exec *ex, weft__buf *b);

#endif
