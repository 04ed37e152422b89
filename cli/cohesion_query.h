/* cohesion_query.h: the group `cohesion` and `plot cohesion` measure: --members split, the
 * UN votes read from the data root, the agreement computed, and the cases without data said
 * on stderr the same way for both. */
#ifndef CONCERT_CLI_COHESION_QUERY_H
#define CONCERT_CLI_COHESION_QUERY_H
#include "cli.h"

/* Computes the cohesion of members ("USA,CHN" or groups, at most 64 and a spare so the
 * library names the excess) over the years from-to (issue: a UN issue code or NULL), with
 * the votes under data/world (data NULL: the default data root). No roll call in scope, or
 * fewer than two members voting, is an error (exit 1); members without a vote are named in
 * a warning. On 0, *u and *c are the caller's (concert_cohesion_free, concert_unga_free);
 * otherwise both are NULL and the message is printed: 1 (no data, bad data) or 2 (usage). */
int cohesion_query(const char *cmd, const char *members, int from, int to, const char *issue,
                   const char *data, concert_unga **u, concert_cohesion **c);

#endif
