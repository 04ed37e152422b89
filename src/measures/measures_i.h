/* measures/measures_i.h: internals shared by the files of the measures concept. */
#ifndef CONCERT_I_MEASURES_H
#define CONCERT_I_MEASURES_H
#include <concert/measures.h>

/** Longest code a world table holds, with its NUL. */
#define CONCERT_I_CODE_MAX 8

/** First and last year with a row for ind (0, 0 when the table is empty). O(R). */
void concert_i_worlddata_years(const concert_worlddata *w, concert_indicator ind, int *first,
                               int *last);

#endif
