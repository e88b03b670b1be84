/// The routines every sandbox holds, short enough that whole sessions take seconds.
enum TestRoutines {
  /// Untimed placement, a 3 s hold, a 3 s rest: a whole session in about 6 s.
  /// The 3 s hold is outside the 30–90 s evidence range on purpose, so `check`
  /// warns about it (and `check --strict` fails on that warning alone).
  static let quick = """
    format: 1
    id: e2e-quick
    title: E2E quick check
    summary: A very short routine for the end-to-end tests.
    targets: [rhomboids]
    tools: [massage-ball]
    cautions:
      - Test caution, keep the ball off the spine.
    sources: [test]
    steps:
      - kind: place
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        placement: Put the ball between the shoulder blade and the spine.
      - kind: hold
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        duration: 3s
      - kind: rest
        duration: 3s

    """

  /// The same with a 60 s hold (clean under `check --strict`): a hold that is still
  /// running while a test signals, suspends or resizes.
  static let long = """
    format: 1
    id: e2e-long
    title: E2E long hold
    summary: A routine with a long hold, for the end-to-end tests.
    targets: [rhomboids]
    tools: [massage-ball]
    sources: [test]
    steps:
      - kind: place
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        placement: Put the ball between the shoulder blade and the spine.
      - kind: hold
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        duration: 60s
      - kind: rest
        duration: 20s

    """

  /// Texts that would run a command if anything handed them to a shell.
  static let speak = """
    format: 1
    id: e2e-speak
    title: Speech test $(touch pwned)
    summary: A short routine whose texts try to run a command through a shell.
    targets: [rhomboids]
    tools: [massage-ball]
    sources: [test]
    steps:
      - kind: place
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        placement: Put the ball between the shoulder blade and the spine.
        cues: [Let your shoulders drop.]
      - kind: hold
        title: Pressure hold $(touch pwned)
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        duration: 3s
      - kind: rest
        duration: 3s

    """

  /// Untimed placement, a rating between steps, a 1 s hold: with the ratings before and
  /// after, a whole session in about a second. Steps as run: 1 rating before,
  /// 2 placement, 3 rating between, 4 hold, 5 rating after. Not in `files`, whose count
  /// the fixture check knows: tests that use it add it with `Sandbox.addRoutine`.
  static let brief = """
    format: 1
    id: e2e-brief
    title: E2E brief session
    summary: A very short routine with a rating between steps.
    targets: [rhomboids]
    tools: [massage-ball]
    sources: [test]
    steps:
      - kind: place
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        placement: Put the ball between the shoulder blade and the spine.
      - kind: rate
        muscle: rhomboids
      - kind: hold
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        duration: 1s

    """

  /// Steps as run: 1 rating before · 2 placement · 3 hold at 5–7 · 4 rating between ·
  /// 5 hold at 5–7 · 6 rest · 7 rating after. For the pain-response tests, which add
  /// it with `Sandbox.addRoutine` (not in `files`, whose count the fixture check knows).
  static let twoHolds = """
    format: 1
    id: e2e-two-holds
    title: E2E two holds
    summary: Two holds with a rating between them, for the pain-response tests.
    targets: [rhomboids]
    tools: [massage-ball]
    sources: [test]
    steps:
      - kind: place
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        placement: Put the ball between the shoulder blade and the spine.
      - kind: hold
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        duration: 60s
        pressure: 5-7
      - kind: rate
        muscle: rhomboids
      - kind: hold
        muscle: rhomboids
        tool: massage-ball
        position: at-a-wall
        duration: 60s
        pressure: 5-7
      - kind: rest
        duration: 20s

    """

  static let files = [
    "e2e-quick.yaml": quick,
    "e2e-long.yaml": long,
    "e2e-speak.yaml": speak,
  ]
}
