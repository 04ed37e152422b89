// use_concert.cpp: a C++17 program using libconcert through its installed headers only.
// It checks that the headers compile as C++ and link (extern "C"), that the header and
// library versions agree, and that a JSON document returned by the library is released
// with concert_free. Usage: use_concert SCENARIO.yaml. Exit 0 when all hold.
#include <concert.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {
struct scenario_deleter {
  void operator()(concert_scenario *s) const { concert_scenario_free(s); }
};
struct outcome_deleter {
  void operator()(concert_outcome *o) const { concert_outcome_free(o); }
};
struct string_deleter {
  void operator()(char *p) const { concert_free(p); }
};
int fail(const char *what, const concert_diag &d) {
  char buf[2048];
  std::fprintf(stderr, "use_concert: %s: %s\n", what, concert_diag_format(&d, buf, sizeof buf));
  return 1;
}
}  // namespace

int main(int argc, char **argv) {
  if (argc != 2) return 2;
  const std::string version = std::to_string(CONCERT_VERSION_MAJOR) + "." +
                              std::to_string(CONCERT_VERSION_MINOR) + "." +
                              std::to_string(CONCERT_VERSION_PATCH);
  if (version != concert_version() || version != CONCERT_VERSION_STRING) {
    std::fprintf(stderr, "use_concert: headers %s, library %s\n", version.c_str(),
                 concert_version());
    return 1;
  }
  concert_diag d;
  concert_diag_clear(&d);
  concert_scenario *raw = nullptr;
  if (concert_scenario_load_file(argv[1], &raw, &d) != CONCERT_OK) return fail("load", d);
  std::unique_ptr<concert_scenario, scenario_deleter> s(raw);
  concert_outcome *o_raw = nullptr;
  if (concert_summit_run(s.get(), 0, nullptr, nullptr, nullptr, &o_raw, &d) != CONCERT_OK)
    return fail("run", d);
  std::unique_ptr<concert_outcome, outcome_deleter> o(o_raw);
  char *json_raw = nullptr;
  if (concert_outcome_to_json(o.get(), &json_raw, &d) != CONCERT_OK) return fail("json", d);
  std::unique_ptr<char, string_deleter> json(json_raw);
  if (std::strstr(json.get(), "\"schema\"") == nullptr) {
    std::fprintf(stderr, "use_concert: no schema in the JSON document\n");
    return 1;
  }
  // A path longer than the old 256-byte diag field comes back whole.
  std::string long_path = "/nonexistent/" + std::string(600, 'x') + ".yaml";
  concert_scenario *none = nullptr;
  if (concert_scenario_load_file(long_path.c_str(), &none, &d) == CONCERT_OK) return 1;
  if (long_path != d.file) {
    std::fprintf(stderr, "use_concert: diag file truncated to %zu bytes\n", std::strlen(d.file));
    return 1;
  }
  std::printf("use_concert: concert %s from C++, %zu bytes of JSON, diag path %zu bytes\n",
              concert_version(), std::strlen(json.get()), long_path.size());
  return 0;
}
