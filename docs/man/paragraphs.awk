# Turns the help texts' layout, which swift-argument-parser's generate-manual copies
# as plain lines, into mdoc (Makefile, `make man`): a blank line becomes a paragraph
# break (.Pp) before the next text line, and lines indented by two spaces (the
# "Examples:" blocks) a literal block (.Bd -literal), so man neither joins them into
# one line nor warns about empty lines.
function close_literal() {
  if (literal) print ".Ed"
  literal = 0
}
/^$/ { close_literal(); paragraph = 1; next }
/^  / {
  if (!literal) print ".Bd -literal -offset indent"
  literal = 1
  paragraph = 0
  print substr($0, 3)
  next
}
/^\./ { close_literal(); paragraph = 0; print; next }
{
  close_literal()
  if (paragraph) print ".Pp"
  paragraph = 0
  print
}
END { close_literal() }
