/* io/date.h: the one check of a calendar date written YYYY-MM-DD, shared by the data-table
 * readers (UN vote tables, summit history), so that 2023-02-30 is refused everywhere. */
#ifndef CONCERT_I_DATE_H
#define CONCERT_I_DATE_H
#include <stdbool.h>
#include <stddef.h>

/** True when the n bytes at s are exactly YYYY-MM-DD naming a day of the Gregorian calendar
 * (month 1-12, day within the month, 29 February only in leap years). O(1). */
bool concert_i_date_valid(const char *s, size_t n);

/** Checks every YYYY-MM-DD inside the text s (free text such as "2018-06-08/2018-06-09" or
 * "planned 2020-06-10; held 2020-03-16"): returns 0 when all are real days, else the 1-based
 * byte offset of the first impossible one. O(length). */
size_t concert_i_dates_in_text(const char *s);

#endif
