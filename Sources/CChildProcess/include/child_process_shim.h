// The calls for starting a child that Swift cannot see: glibc declares them only for
// _GNU_SOURCE, which Swift's Glibc module is built without. See docs/porting.md.
#ifndef UNKNOT_CHILD_PROCESS_SHIM_H
#define UNKNOT_CHILD_PROCESS_SHIM_H

#include <spawn.h>

/// Closes every descriptor from `lowest` up in the child (glibc 2.34 and later).
int child_process_add_close_from(posix_spawn_file_actions_t *actions, int lowest);

/// Makes a pipe whose two ends are closed on exec, in one step on Linux so that no
/// child started meanwhile by another thread inherits them. 0, or -1 with errno.
int child_process_pipe(int ends[2]);

/// Starts the child in `directory` (glibc 2.29 and later; macOS 10.15 and later).
int child_process_add_chdir(posix_spawn_file_actions_t *actions, const char *directory);

#endif
