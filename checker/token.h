/*
** token.h: schedule tokens, the printable form of one execution's decisions:
**     w1.<fingerprint: 8 hex digits>.<decisions>
** Each decision (a thread id or a choose value) is a base-32 number written
** low digits first: digits that continue are [A-Z6-9_-], the last is [a-z0-5].
** ".N" after a decision repeats it N more times. Nothing needs shell quoting.
*/
#ifndef WEFT_TOKEN_H
#define WEFT_TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* Write the token into buf (size n); returns its length, or -1 if it does not fit. */
long weft__token_encode(const char *fp, const int32_t *dec, long ndec, char *buf, size_t n);
/* Parse tok: fp8 gets the fingerprint (9 bytes), dec up to cap decisions.
   Returns the number of decisions, or -1 with a message in err. */
long weft__token_decode(const char *tok, char fp8[9], int32_t *dec, long cap, char *err, size_t errn);

#endif
