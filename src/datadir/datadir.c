/* datadir.c: the root of the shipped data, found from the running program, never from the
 * build tree it was compiled in (docs/concert.1.scd, ENVIRONMENT).
 *
 * Order: $CONCERT_DATADIR (read at every call); else, beside the running executable, the
 * installed copy BINDIR/CONCERT_REL_DATADIR (../share/concert/data for PREFIX/bin/concert);
 * else the data/ folder of a source tree holding the executable (a tool or test built in
 * build/, build/tests/unit/ ...), up to four folders up; else the configured install
 * directory (a program of another package linked to an installed libconcert). A folder is a
 * data root only when it holds the marker file CONCERT_DATA_ROOT, which data/ ships. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <concert/datadir.h>

#ifndef CONCERT_REL_DATADIR
#define CONCERT_REL_DATADIR "../share/concert/data"
#endif
#ifndef CONCERT_INSTALL_DATADIR
#define CONCERT_INSTALL_DATADIR "/usr/local/share/concert/data"
#endif
#define MARKER "CONCERT_DATA_ROOT"
enum { UP_MAX = 4 };

/* Filled once (pthread_once) and read-only afterwards. */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char found[PATH_MAX];

static int is_root(const char *dir) {
  char path[PATH_MAX + sizeof MARKER + 1];
  int n = snprintf(path, sizeof path, "%s/%s", dir, MARKER);
  return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

static int try_root(const char *base, const char *rel) {
  char dir[PATH_MAX];
  int n = snprintf(dir, sizeof dir, "%s/%s", base, rel);
  if (n <= 0 || (size_t)n >= sizeof dir || !is_root(dir)) return 0;
  char *real = realpath(dir, NULL);
  snprintf(found, sizeof found, "%s", real ? real : dir);
  free(real);
  return 1;
}

static void find_once(void) {
  snprintf(found, sizeof found, "%s", CONCERT_INSTALL_DATADIR);
  char exe[PATH_MAX];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len <= 0) return;
  exe[len] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash) return;
  *slash = '\0';
  if (try_root(exe, CONCERT_REL_DATADIR)) return;
  for (int up = 0; up <= UP_MAX; up++) {
    if (try_root(exe, "data")) return;
    slash = strrchr(exe, '/');
    if (!slash || slash == exe) return;
    *slash = '\0';
  }
}

const char *concert_data_dir(void) {
  const char *env = getenv("CONCERT_DATADIR");
  if (env && *env) return env;
  pthread_once(&once, find_once);
  return found;
}
