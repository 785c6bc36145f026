/* SMAPI wire helpers shared by the C benchmark clients: length-prefixed fields and exact reads. */
#ifndef SMAPI_WIRE_H
#define SMAPI_WIRE_H

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* Writes s as an int4 big-endian length followed by its bytes; returns the bytes written. */
static size_t put(unsigned char *p, const char *s)
{
    uint32_t n = htonl((uint32_t)strlen(s));
    memcpy(p, &n, 4);
    memcpy(p + 4, s, strlen(s));
    return 4 + strlen(s);
}

/* Reads exactly n bytes; -1 on error or end of stream. */
static int read_full(int fd, unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r <= 0) return -1;
        p += r; n -= (size_t)r;
    }
    return 0;
}

#endif
