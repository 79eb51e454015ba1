/*
** token.c: encoding and decoding schedule tokens (format in token.h).
*/
#include <stdio.h>
#include <string.h>

#include "token.h"

static const char last_digits[] = "abcdefghijklmnopqrstuvwxyz012345";
static const char more_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ6789_-";

static long put_num(uint32_t v, char *buf, size_t n, size_t at)
{
    do {
        if (at + 1 >= n)
            return -1;
        uint32_t d = v & 31;
        v >>= 5;
        buf[at++] = v ? more_digits[d] : last_digits[d];
    } while (v);
    return (long)at;
}

long weft__token_encode(const char *fp, bool unfair, const int32_t *dec, long ndec, char *buf,
                        size_t n)
{
    int w = snprintf(buf, n, "w%d.%.8s.", unfair ? 2 : 1, fp);
    if (w < 0 || (size_t)w >= n)
        return -1;
    long at = w;
    for (long i = 0; i < ndec;) {
        long run = 1;
        while (i + run < ndec && dec[i + run] == dec[i])
            run++;
        if ((at = put_num((uint32_t)dec[i], buf, n, (size_t)at)) < 0)
            return -1;
        /* a run of 3 or more is shorter as "v.N" */
        if (run >= 3) {
            if ((size_t)at + 1 >= n)
                return -1;
            buf[at++] = '.';
            if ((at = put_num((uint32_t)(run - 1), buf, n, (size_t)at)) < 0)
                return -1;
            i += run;
        } else {
            i++;
        }
    }
    buf[at] = 0;
    return at;
}

/* Read one number at *p; -1 on a malformed one. */
static long get_num(const char **p)
{
    uint64_t v = 0;
    int shift = 0;
    for (;;) {
        const char *c = **p ? strchr(more_digits, **p) : NULL;
        const char *l = **p ? strchr(last_digits, **p) : NULL;
        if (!c && !l)
            return -1;
        (*p)++;
        v |= (uint64_t)((c ? c - more_digits : l - last_digits)) << shift;
        shift += 5;
        if (v > 0x7fffffff || shift > 35)
            return -1;
        if (l)
            return (long)v;
    }
}

long weft__token_decode(const char *tok, char fp8[9], bool *unfair, bool *race, int32_t *dec,
                        long cap, char *err, size_t errn)
{
    *unfair = !strncmp(tok, "w2.", 3);
    *race = false;
    if (strncmp(tok, "w1.", 3) != 0 && !*unfair) {
        snprintf(err, errn, "it does not start with \"w1.\" or \"w2.\" (a weft schedule token "
                            "looks like w2.0123abcd.bcd...)");
        return -1;
    }
    const char *p = tok + 3;
    for (int i = 0; i < 8; i++) {
        if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f'))) {
            snprintf(err, errn, "its fingerprint (the 8 hex digits after \"w1.\") is malformed");
            return -1;
        }
        fp8[i] = p[i];
    }
    fp8[8] = 0;
    p += 8;
    if (*p != '.') {
        snprintf(err, errn, "a '.' must follow the fingerprint");
        return -1;
    }
    p++;
    long n = 0;
    while (*p) {
        if (*p == '+') {
            if (strcmp(p, WEFT__TOKEN_RACE) != 0) {
                snprintf(err, errn, "only \"%s\" may follow the decisions (at character %ld)",
                         WEFT__TOKEN_RACE, (long)(p - tok) + 1);
                return -1;
            }
            *race = true;
            break;
        }
        if (*p == '.') {
            if (n == 0) {
                snprintf(err, errn, "a repeat (\".N\") at character %ld has nothing to repeat",
                         (long)(p - tok) + 1);
                return -1;
            }
            p++;
            long run = get_num(&p);
            if (run < 0 || n + run > cap) {
                snprintf(err, errn, "a malformed or too long repeat near character %ld",
                         (long)(p - tok) + 1);
                return -1;
            }
            for (long k = 0; k < run; k++, n++)
                dec[n] = dec[n - 1];
            continue;
        }
        const char *at = p;
        long v = get_num(&p);
        if (v < 0) {
            snprintf(err, errn, "character %ld ('%c') is not part of a decision",
                     (long)(at - tok) + 1, *at);
            return -1;
        }
        if (n >= cap) {
            snprintf(err, errn, "it holds more decisions than this weft can replay (%ld)", cap);
            return -1;
        }
        dec[n++] = (int32_t)v;
    }
    return n;
}
