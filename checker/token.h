/*
** token.h: schedule tokens, the printable form of one execution's decisions:
**     w1.<fingerprint: 8 hex digits>.<decisions>
** or w2. for a schedule made without the fairness rule (DPOR's: a thread that
** yielded or slept is not held back), so that its choice points are the same
** when it is replayed.
** Each decision (a thread id or a choose value) is a base-32 number written
** low digits first: digits that continue are [A-Z6-9_-], the last is [a-z0-5].
** ".N" after a decision repeats it N more times. Nothing needs shell quoting.
** A data race's token ends in "+data_race" when its execution goes on to
** end in another finding (an assertion, a crash...), or closes a lock-order
** cycle (which a replay reports as lock_order): the suffix tells replay
** to report the race, as check did, and then how the execution ended; the
** same decisions without it are the other finding's token.
*/
#ifndef WEFT_TOKEN_H
#define WEFT_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Write the token into buf (size n); returns its length, or -1 if it does not fit. */
long weft__token_encode(const char *fp, bool unfair, const int32_t *dec, long ndec, char *buf,
                        size_t n);
/* The suffix of a data race's token (above). */
#define WEFT__TOKEN_RACE "+data_race"

/* Parse tok: fp8 gets the fingerprint (9 bytes), *unfair whether it is a
   w2 token, dec up to cap decisions, *race whether it ends in
   WEFT__TOKEN_RACE. Returns the number of decisions, or -1 with a message in
   err. */
long weft__token_decode(const char *tok, char fp8[9], bool *unfair, bool *race, int32_t *dec,
                        long cap, char *err, size_t errn);

#endif
