/*
 * measure COMMAND [ARGS...]: runs the command (stdout and stderr to /dev/null, stdin inherited),
 * waits with wait4 and prints "WALL_MICROSECONDS PEAK_RSS_KIB EXIT_STATUS" on stdout.
 * Wall time is from just before posix_spawn to wait4's return (CLOCK_MONOTONIC); the peak RSS
 * is the child's ru_maxrss, which does not include this helper.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: measure COMMAND [ARGS...]\n");
        return 125;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid;
    if (posix_spawn(&pid, argv[1], &actions, NULL, argv + 1, environ) != 0) {
        perror("measure: posix_spawn");
        return 125;
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) != pid) {
        perror("measure: wait4");
        return 125;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long micros = (end.tv_sec - start.tv_sec) * 1000000L + (end.tv_nsec - start.tv_nsec) / 1000;
    printf("%ld %ld %d\n", micros, usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
