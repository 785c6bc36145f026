/*
 * smapi_load HOST PORT SECONDS CLIENTS [SERVER_PID]: a load generator for smapi-sim cheaper than the
 * .NET clients of sim-throughput, so the server's own capacity shows on a small machine.
 * CLIENTS threads each loop: connect, send one Image_Status_Query (user FENCE, password secret,
 * target CNODE1), read both responses by length, close. Prints requests/s, p50 and p99 latency,
 * errors, and with SERVER_PID the server's CPU microseconds per request (user + system).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "smapi_wire.h"

static struct sockaddr_in server;
static unsigned char request[128];
static size_t request_length;
static double deadline;

struct worker { pthread_t thread; double *latencies; long count, capacity, errors; };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int call(void)
{
    unsigned char header[8], body[256];
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1, ok = -1;
    if (fd < 0) return -1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, (struct sockaddr *)&server, sizeof server) == 0
        && write(fd, request, request_length) == (ssize_t)request_length && read_full(fd, header, 8) == 0) {
        uint32_t out;
        memcpy(&out, header + 4, 4);
        out = ntohl(out);
        ok = out >= 12 && out <= sizeof body && read_full(fd, body, out) == 0 ? 0 : -1;
    }
    close(fd);
    return ok;
}

static void *work(void *argument)
{
    struct worker *w = argument;
    while (now() < deadline) {
        double start = now();
        if (call() != 0) w->errors++;
        if (w->count == w->capacity) {
            w->capacity = w->capacity ? w->capacity * 2 : 4096;
            w->latencies = realloc(w->latencies, (size_t)w->capacity * sizeof *w->latencies);
        }
        w->latencies[w->count++] = (now() - start) * 1000;
    }
    return NULL;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double cpu_of(int pid, double *system)
{
    char path[64], text[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f || !fgets(text, sizeof text, f)) { if (f) fclose(f); *system = 0; return 0; }
    fclose(f);
    char *p = strrchr(text, ')') + 2;
    unsigned long user = 0, sys = 0;
    sscanf(p, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &user, &sys);
    long ticks = sysconf(_SC_CLK_TCK);
    *system = (double)sys / ticks;
    return (double)user / ticks;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: smapi_load HOST PORT SECONDS CLIENTS [SERVER_PID]\n");
        return 1;
    }
    server.sin_family = AF_INET;
    server.sin_port = htons((uint16_t)atoi(argv[2]));
    inet_pton(AF_INET, argv[1], &server.sin_addr);
    double seconds = atof(argv[3]);
    int clients = atoi(argv[4]), pid = argc > 5 ? atoi(argv[5]) : 0;
    size_t n = 4;
    n += put(request + n, "Image_Status_Query");
    n += put(request + n, "FENCE");
    n += put(request + n, "secret");
    n += put(request + n, "CNODE1");
    uint32_t length = htonl((uint32_t)(n - 4));
    memcpy(request, &length, 4);
    request_length = n;

    struct worker *workers = calloc((size_t)clients, sizeof *workers);
    double sys0, user0 = pid ? cpu_of(pid, &sys0) : 0, start = now();
    deadline = start + seconds;
    for (int i = 0; i < clients; i++) pthread_create(&workers[i].thread, NULL, work, &workers[i]);
    long total = 0, errors = 0;
    for (int i = 0; i < clients; i++) { pthread_join(workers[i].thread, NULL); total += workers[i].count; errors += workers[i].errors; }
    double elapsed = now() - start, sys1, user1 = pid ? cpu_of(pid, &sys1) : 0;
    double *all = malloc((size_t)total * sizeof *all);
    long k = 0;
    for (int i = 0; i < clients; i++) { memcpy(all + k, workers[i].latencies, (size_t)workers[i].count * sizeof *all); k += workers[i].count; }
    qsort(all, (size_t)total, sizeof *all, compare);
    printf("%7d  %8ld  %6ld  %7.2f  %10.0f  %7.3f  %7.3f", clients, total, errors, elapsed, total / elapsed,
           total ? all[(total - 1) / 2] : 0, total ? all[(long)(0.99 * total + 0.999) - 1] : 0);
    if (pid) printf("  %8.1f + %.1f", (user1 - user0) * 1e6 / (total ? total : 1), (sys1 - sys0) * 1e6 / (total ? total : 1));
    printf("\n");
    return errors ? 1 : 0;
}
