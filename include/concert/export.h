/* concert/export.h: the CONCERT_API marker for exported declarations. */
#ifndef CONCERT_EXPORT_H
#define CONCERT_EXPORT_H
#ifdef __cplusplus
extern "C" {
#endif
#if defined(CONCERT_BUILDING)
#define CONCERT_API __attribute__((visibility("default")))
#else
#define CONCERT_API
#endif
#ifdef __cplusplus
}
#endif
#endif
