/*
** token.h: schedule tokens, the printable form of one execution's decisions:
**     w1.<fingerprint: 8 hex digits>.<decisions>
** or w2. for a schedule made without the fairness rule (DPOR's: a thread that
** yielded or slept is not held back), so that its choice points are the same
** when it is replayed.
** Each decision (a thread id or a choose value) is a base-32 number written
** low digits first: digits that continue are [A-Z6-9_-], the last is [a-z0-5].
** ".N" after a decision repeats it N more times. Nothing needs shell quoting.
*/
#ifndef WEFT_TOKEN_H
#define WEFT_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Write the token into buf (size n); returns its length, or -1 if it does not fit. */
long weft__token_encode(const char *fp, bool unfair, const int32_t *dec, long ndec, char *buf,
                        size_t n);
/* Parse tok: fp8 gets the fingerprint (9 bytes), *unfair whether it is a
   w2 token, dec up to cap decisions. Returns the number of decisions, or -1
   with a message in err. */
long weft__token_decode(const char *tok, char fp8[9], bool *unfair, int32_t *dec, long cap,
                        char *err, size_t errn);

#endif
