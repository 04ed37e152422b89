/* forums.c: the members of the known forums (G7, G8, G20, G5, G2) as of a year, for quick
 * mode. The EU sits in the G7 (from 1977) and the G20 as a participant; the African Union
 * in the G20 from 2023. Years outside a forum's life give a warning, not an error: the
 * forum is then hypothetical (a G8 in 2026). */
#include <stdio.h>
#include <string.h>

#include "derive/derive_i.h"
#include "status/diag.h"

static int put(char *out, size_t size, size_t *used, const char *code) {
  int k = snprintf(out + *used, size - *used, "%s%s", *used ? "," : "", code);
  if (k < 0 || (size_t)k >= size - *used) return -1;
  *used += (size_t)k;
  return 0;
}

concert_status concert_i_forum_members(const char *forum, int year, char *out, size_t size,
                                       char *name, size_t name_size, concert_derive_report *rep,
                                       concert_diag *d) {
  static const char *const g7[] = {"USA", "JPN", "DEU", "FRA", "GBR", "ITA", "CAN"};
  static const char *const g20[] = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU",
                                    "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
                                    "SAU", "ZAF", "TUR", "GBR", "USA"};
  static const char *const g5[] = {"USA", "CHN", "RUS", "IND", "JPN"};
  size_t used = 0;
  int bad = 0;
  concert_status st = CONCERT_OK;
  out[0] = '\0';
  if (strcmp(forum, "G7") == 0 || strcmp(forum, "G8") == 0) {
    bool g8 = forum[1] == '8';
    for (size_t i = 0; i < 7; i++)
      if (strcmp(g7[i], "CAN") != 0 || year >= 1976) bad |= put(out, size, &used, g7[i]);
    if (g8) bad |= put(out, size, &used, "RUS");
    if (year >= 1977) bad |= put(out, size, &used, "EU");
    if (g8 && (year < 1998 || year > 2013))
      st = concert_i_report_add(rep,
                                "forum G8: the G8 met from 1998 to 2013; %d is a "
                                "hypothetical G7 plus Russia",
                                year);
    else if (!g8 && year < 1975)
      st = concert_i_report_add(rep,
                                "forum G7: the first summit was in 1975; %d is "
                                "hypothetical",
                                year);
  } else if (strcmp(forum, "G20") == 0) {
    for (size_t i = 0; i < sizeof g20 / sizeof g20[0]; i++) bad |= put(out, size, &used, g20[i]);
    bad |= put(out, size, &used, "EU");
    if (year >= 2023) bad |= put(out, size, &used, "AU");
    if (year < 2008)
      st = concert_i_report_add(rep,
                                "forum G20: leaders' summits began in 2008; %d is "
                                "hypothetical",
                                year);
  } else if (strcmp(forum, "G5") == 0 || strcmp(forum, "G2") == 0) {
    size_t n = forum[1] == '5' ? 5 : 2;
    for (size_t i = 0; i < n; i++) bad |= put(out, size, &used, g5[i]);
  } else {
    return concert_i_fail(d, CONCERT_ERR_UNKNOWN_ID, NULL, 0, 0, "forum",
                          "unknown forum '%s' (known: G7, G8, G20, G5, G2)", forum);
  }
  if (bad) return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE, "member list too long");
  snprintf(name, name_size, "%s %d", forum, year);
  return st ? CONCERT_FAIL(d, st, "out of memory") : CONCERT_OK;
}
