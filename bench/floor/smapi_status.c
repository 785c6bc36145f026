/*
 * The floor: the smallest client of the same SMAPI exchanges as fence_zvmip over plain TCP.
 *   smapi_status HOST PORT USER PASSWORD TARGET          one Image_Status_Query; exit 0 on, 2 off, 1 error
 *   smapi_status HOST PORT USER PASSWORD TARGET off      Image_Status_Query, Image_Deactivate IMMED,
 *                                                        Image_Status_Query until off (as `-o off`)
 *   smapi_status HOST PORT USER PASSWORD TARGET on       the same with Image_Activate (as `-o on`)
 * Built by the benchmark harness (cc -O2); it measures what the exchanges cost without any agent.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "smapi_wire.h"

static const char *host, *user, *password, *target;
static int port;

/* One exchange on its own connection; returns 0 and sets rc/rs, or -1. */
static int call(const char *function, const char *extra, int *rc, int *rs)
{
    unsigned char request[512], header[8], body[4096];
    size_t n = 4;
    n += put(request + n, function);
    n += put(request + n, user);
    n += put(request + n, password);
    n += put(request + n, target);
    if (extra) n += put(request + n, extra);
    uint32_t length = htonl((uint32_t)(n - 4));
    memcpy(request, &length, 4);

    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    if (fd < 0 || inet_pton(AF_INET, host, &a.sin_addr) != 1 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0
        || write(fd, request, n) != (ssize_t)n || read_full(fd, header, 8) != 0) {
        perror("smapi_status");
        return -1;
    }
    uint32_t out;
    memcpy(&out, header + 4, 4);
    out = ntohl(out);
    if (out < 12 || out > sizeof body || read_full(fd, body, out) != 0) {
        fprintf(stderr, "smapi_status: bad response\n");
        return -1;
    }
    close(fd);
    uint32_t v;
    memcpy(&v, body + 4, 4); *rc = (int)ntohl(v);
    memcpy(&v, body + 8, 4); *rs = (int)ntohl(v);
    return 0;
}

static int status(void)
{
    int rc, rs;
    if (call("Image_Status_Query", NULL, &rc, &rs) != 0) return 1;
    if (rc == 0 && rs == 0) return 0;
    if (rc == 0 && rs == 12) return 2;
    fprintf(stderr, "smapi_status: RC %d RS %d\n", rc, rs);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: smapi_status HOST PORT USER PASSWORD TARGET [off]\n");
        return 1;
    }
    host = argv[1]; port = atoi(argv[2]); user = argv[3]; password = argv[4]; target = argv[5];
    if (argc < 7) return status();

    int off = strcmp(argv[6], "off") == 0, want = off ? 2 : 0, s = status(), rc, rs;
    if (s == want) return 0;
    if (s == 1) return 1;
    if (call(off ? "Image_Deactivate" : "Image_Activate", off ? "IMMED" : NULL, &rc, &rs) != 0 || rc != 0) return 1;
    for (int i = 0; i < 2000; i++) {
        if ((s = status()) == want) return 0;
        if (s == 1) return 1;
        usleep(10000);
    }
    return 1;
}
