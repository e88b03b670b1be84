# Installs unknot as a Linux user expects (README, "Install"):
#
#   make                                  # the release binary, .build/release/unknot
#   make install                          # into ~/.local: bin, man page, completions
#   make install PREFIX=/usr/local        # elsewhere (with sudo for a system folder)
#   make uninstall [PREFIX=...]           # removes exactly the files install wrote
#   make man                              # regenerates docs/man/unknot.1 from the commands
#   make deb                              # a Debian package of the same files
#
# DESTDIR is put before every installed path, for packagers. The journal, your own
# routines and settings are never installed or removed here: they live in your XDG
# folders (README, "Where things live").

PREFIX ?= $(HOME)/.local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

SWIFT ?= swift
UNKNOT := .build/release/unknot
MANPAGE := docs/man/unknot.1

# The binary is rebuilt only when a source is newer, so `make && sudo make install`
# does not build as root.
SOURCES := Package.swift $(shell find Sources Routines -type f 2>/dev/null)

# Quoted for the shell, so that a PREFIX with a space works.
INSTALLED := \
	"$(DESTDIR)$(BINDIR)/unknot" \
	"$(DESTDIR)$(MANDIR)/unknot.1" \
	"$(DESTDIR)$(BASHCOMPDIR)/unknot" \
	"$(DESTDIR)$(ZSHCOMPDIR)/_unknot" \
	"$(DESTDIR)$(FISHCOMPDIR)/unknot.fish"

.PHONY: all install uninstall man deb

all: $(UNKNOT)

$(UNKNOT): $(SOURCES)
	$(SWIFT) build -c release --product unknot
	@touch $@

# The completion scripts come from the binary being installed (swift-argument-parser
# writes them from the same command definitions), so they always match it.
install: $(UNKNOT)
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASHCOMPDIR)" \
		"$(DESTDIR)$(ZSHCOMPDIR)" "$(DESTDIR)$(FISHCOMPDIR)"
	install -m 755 $(UNKNOT) "$(DESTDIR)$(BINDIR)/unknot"
	install -m 644 $(MANPAGE) "$(DESTDIR)$(MANDIR)/unknot.1"
	$(UNKNOT) --generate-completion-script bash > "$(DESTDIR)$(BASHCOMPDIR)/unknot"
	$(UNKNOT) --generate-completion-script zsh > "$(DESTDIR)$(ZSHCOMPDIR)/_unknot"
	$(UNKNOT) --generate-completion-script fish > "$(DESTDIR)$(FISHCOMPDIR)/unknot.fish"
	chmod 644 "$(DESTDIR)$(BASHCOMPDIR)/unknot" "$(DESTDIR)$(ZSHCOMPDIR)/_unknot" \
		"$(DESTDIR)$(FISHCOMPDIR)/unknot.fish"

# Only the files: a folder such as ~/.local/bin may hold other programs' files, or
# have been there before.
uninstall:
	rm -f $(INSTALLED)

# swift-argument-parser's generate-manual tool (what its generate-manual plugin runs)
# reads the commands from the release binary (`unknot --experimental-dump-help`) and
# writes one page with every command. Built directly, in debug like the tests'
# ArgumentParser, rather than through the plugin, which rebuilds the whole package
# each time it runs. MAN_DATE (YYYY-MM-DD, default today) is the page's date;
# .ci/check-man-page passes the committed page's own date, so only a change in the
# commands shows as a difference. The footer names this version (UnknotVersion.current,
# through `unknot --version`), which the generator leaves blank. The help texts'
# blank lines become paragraph breaks and their indented examples literal blocks,
# which the generator copies as plain lines (man would run them together and warn).
MAN_DATE ?= $(shell date -u +%Y-%m-%d)
MAN_OUT ?= $(MANPAGE)
MAN_WORK := .build/man

man: $(UNKNOT)
	$(SWIFT) build --product generate-manual
	rm -rf $(MAN_WORK)
	mkdir -p $(MAN_WORK) $(dir $(MAN_OUT))
	.build/debug/generate-manual $(UNKNOT) --date $(MAN_DATE) --output-directory $(MAN_WORK)
	sed 's/^\.Os$$/.Os unknot $(shell $(UNKNOT) --version)/' $(MAN_WORK)/unknot.1 | awk -f docs/man/paragraphs.awk > $(MAN_OUT)

DEB_ROOT := .build/deb/root
DEB_ARCH = $(shell dpkg --print-architecture)
DEB_VERSION = $(shell $(UNKNOT) --version)
DEB_FILE = .build/deb/unknot_$(DEB_VERSION)_$(DEB_ARCH).deb
# Whoever made the commit being packaged, unless the packager says otherwise.
DEB_MAINTAINER ?= $(shell git log -1 --format='%an <%ae>' 2>/dev/null)

# The same files as `make install PREFIX=/usr`, zsh's in the folder Debian's zsh reads.
deb: $(UNKNOT)
	rm -rf $(DEB_ROOT)
	$(MAKE) --no-print-directory install DESTDIR=$(DEB_ROOT) PREFIX=/usr ZSHCOMPDIR=/usr/share/zsh/vendor-completions
	install -d $(DEB_ROOT)/DEBIAN
	printf '%s\n' \
		'Package: unknot' \
		'Version: $(DEB_VERSION)' \
		'Architecture: $(DEB_ARCH)' \
		'Maintainer: $(DEB_MAINTAINER)' \
		'Depends: libc6, libgcc-s1, libstdc++6, libncursesw6, libsqlite3-0' \
		'Section: misc' \
		'Priority: optional' \
		'Description: guided self-massage and stretching for upper back and neck pain' \
		' A terminal program that walks you through routines with the tools you own:' \
		' where to place them, how hard to press, how long to hold. Self-care guidance,' \
		' not diagnosis or treatment.' \
		> $(DEB_ROOT)/DEBIAN/control
	dpkg-deb -Zgzip --root-owner-group --build $(DEB_ROOT) $(DEB_FILE)
