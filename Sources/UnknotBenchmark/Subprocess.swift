import Foundation

/// Runs a program and waits for it with posix_spawn and waitpid. Foundation's Process
/// learns of a child's exit through a socket the child inherits: a daemon the child
/// starts (tmux's server) keeps that socket open, and the wait never ends.
enum Subprocess {
  struct Result {
    var status: Int32
    var output: String
  }

  static func run(_ arguments: [String], captureOutput: Bool = false) throws -> Result {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pipeEnds: [Int32] = [-1, -1]
    if captureOutput {
      guard pipe(&pipeEnds) == 0 else { throw ProcessTiming.Failure(description: "cannot make a pipe") }
      // Close-on-exec: only the dup2'd copy reaches the child, so EOF comes when it exits.
      _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
      _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    if captureOutput { close(pipeEnds[1]) }
    guard spawned == 0 else {
      if captureOutput { close(pipeEnds[0]) }
      throw ProcessTiming.Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    var output = Data()
    if captureOutput {
      let reader = FileHandle(fileDescriptor: pipeEnds[0], closeOnDealloc: true)
      output = reader.readDataToEndOfFile()
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return Result(status: status, output: String(decoding: output, as: UTF8.self))
  }
}
