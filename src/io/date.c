/* io/date.c: calendar dates of date.h. */
#include "io/date.h"

static bool digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool concert_i_date_valid(const char *s, size_t n) {
  if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) || !digits(s + 5, 2) ||
      !digits(s + 8, 2))
    return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap);
}

size_t concert_i_dates_in_text(const char *s) {
  for (size_t i = 0; s[i]; i++) {
    /* a date-shaped run: four digits, '-', two digits, '-', two digits, not inside a longer
     * run of digits */
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    size_t k = 0;
    while (k < 10 && s[i + k]) k++;
    if (k < 10 || s[i + 4] != '-' || s[i + 7] != '-' || !digits(s + i, 4) ||
        !digits(s + i + 5, 2) || !digits(s + i + 8, 2))
      continue;
    if (s[i + 10] >= '0' && s[i + 10] <= '9') continue;
    if (!concert_i_date_valid(s + i, 10)) return i + 1;
  }
  return 0;
}
