// Compiled on its own, not as a module, so _GNU_SOURCE reaches <spawn.h>.
#define _GNU_SOURCE 1
#include "child_process_shim.h"

#include <fcntl.h>
#include <unistd.h>

int child_process_pipe(int ends[2]) {
#if defined(__APPLE__)
    if (pipe(ends) != 0) return -1;
    fcntl(ends[0], F_SETFD, FD_CLOEXEC);
    fcntl(ends[1], F_SETFD, FD_CLOEXEC);
    return 0;
#else
    return pipe2(ends, O_CLOEXEC);
#endif
}

int child_process_add_close_from(posix_spawn_file_actions_t *actions, int lowest) {
#if defined(__APPLE__)
    // macOS has no closefrom action; ChildProcess sets POSIX_SPAWN_CLOEXEC_DEFAULT there.
    (void)actions;
    (void)lowest;
    return 0;
#else
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
#endif
}

int child_process_add_chdir(posix_spawn_file_actions_t *actions, const char *directory) {
    return posix_spawn_file_actions_addchdir_np(actions, directory);
}
