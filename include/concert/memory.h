/* concert/memory.h: releasing the strings and buffers the library returns. */
#ifndef CONCERT_MEMORY_H
#define CONCERT_MEMORY_H
#ifdef __cplusplus
extern "C" {
#endif
#include "export.h"

/** Frees a string or buffer the library returned to the caller (the JSON documents of the
 * *_to_json functions, the text of concert_power_*_text, the diag arrays of
 * concert_scenario_unfilled_file). It releases the memory with the allocator the library
 * was built with, so it is the one to call from another runtime (C++, Python's ctypes, a
 * DLL boundary); callers in the same C runtime may keep calling free(). Objects with their
 * own *_free function are freed with that one. NULL is harmless. O(1). */
CONCERT_API void concert_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
