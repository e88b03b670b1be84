/// The editor a person chose: `$VISUAL`, else `$EDITOR`, split into words as a shell
/// splits a simple command (`code --wait`, `'/opt/My Editor/edit' -n`), so it can be
/// started with no shell between. Pipes, variables and the like are not a shell's
/// here: the words are passed as they are.
public struct EditorCommand: Sendable, Equatable {
  /// The program and its arguments; the file's path goes after them.
  public var words: [String]
  /// `VISUAL` or `EDITOR`, for messages.
  public var variable: String

  public init(words: [String], variable: String) {
    self.words = words
    self.variable = variable
  }

  /// Why no editor can be started, in words that say what to do.
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither variable is set, or both hold only spaces.
    case notSet
    /// A quote opened and never closed.
    case unclosedQuote(variable: String, value: String)

    public var description: String {
      switch self {
      case .notSet:
        "no editor is set. Set VISUAL or EDITOR to the editor you use: for example, add"
          + " `export VISUAL=nano` (or `export VISUAL=\"code --wait\"`) to ~/.bashrc and open a new terminal"
      case .unclosedQuote(let variable, let value):
        "\(variable)='\(UnsafeCharacters.visible(value))' has a quote that is never closed;"
          + " close it, or set \(variable) to the editor's path alone"
      }
    }
  }

  /// `$VISUAL` when it has a word in it, else `$EDITOR`.
  public static func from(environment: [String: String]) -> Result<EditorCommand, Problem> {
    for variable in ["VISUAL", "EDITOR"] {
      guard let value = environment[variable], value.contains(where: { !$0.isWhitespace }) else { continue }
      guard let words = split(value) else { return .failure(.unclosedQuote(variable: variable, value: value)) }
      return .success(EditorCommand(words: words, variable: variable))
    }
    return .failure(.notSet)
  }

  /// Splits on unquoted spaces and tabs. Single quotes keep everything; double quotes
  /// keep everything but `\"` and `\\`; a backslash outside quotes keeps the next
  /// character. nil when a quote is left open.
  public static func split(_ text: String) -> [String]? {
    enum Quote { case none, single, double }
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote = Quote.none
    var escaped = false
    for char in text {
      if escaped {
        // In double quotes a backslash escapes only a quote or a backslash.
        if quote == .double && char != "\"" && char != "\\" { word.append("\\") }
        word.append(char)
        escaped = false
        continue
      }
      switch quote {
      case .single:
        if char == "'" { quote = .none } else { word.append(char) }
      case .double:
        if char == "\"" {
          quote = .none
        } else if char == "\\" {
          escaped = true
        } else {
          word.append(char)
        }
      case .none:
        switch char {
        case " ", "\t", "\n":
          if inWord { words.append(word) }
          word = ""
          inWord = false
        case "'":
          quote = .single
          inWord = true
        case "\"":
          quote = .double
          inWord = true
        case "\\":
          escaped = true
          inWord = true
        default:
          word.append(char)
          inWord = true
        }
      }
    }
    guard quote == .none, !escaped else { return nil }
    if inWord { words.append(word) }
    return words
  }
}
