#ifndef TACET_CSPAWN_H
#define TACET_CSPAWN_H

#include <spawn.h>

// glibc declares these two file actions only under _GNU_SOURCE, which Swift's Glibc module does not
// define; the wrappers make them callable from Swift. Both return 0 or an errno value, as posix_spawn does.

/// Makes the child change to `path` before exec (glibc 2.29+).
int tacet_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// Makes the child close every descriptor from `lowest` up before exec (glibc 2.34+), so nothing the
/// host has open (files, other plugins' pipes) leaks into a plugin.
int tacet_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int lowest);

/// Opens a pipe whose both ends close on exec (pipe2 with O_CLOEXEC), so no other child inherits it.
/// Returns 0, or -1 with errno set.
int tacet_pipe_cloexec(int fds[2]);

#endif
