# Shared by the scripts in scripts/: source it, do not run it.
# Finds a JDK >= 21 (JAVA_HOME if new enough, else the newest under /usr/lib/jvm) and exports JAVA_HOME,
# so that Maven and the services run on it even where the default java is older.

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PORTAL_ROOT

portal_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

portal_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(portal_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(portal_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "portal: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm); install openjdk-21-jdk or set JAVA_HOME" >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

portal_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava touches sun.misc.Unsafe; newer JDKs warn about it on every run.
if [ "$(portal_java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

portal_mvn() { mvn -B -q -f "$PORTAL_ROOT/pom.xml" "$@"; }

# Installs missing Debian packages. $1.. are "command:package" pairs. In CI (CI=true) a tool that cannot be
# installed is a failure; elsewhere too, because the tests need it and a silent skip would hide that.
# A tool is a command on PATH, or (when it contains a slash) a path pattern such as
# /usr/lib/postgresql/*/bin/initdb for programs Debian keeps off PATH.
portal_have() {
  case "$1" in
    */*) compgen -G "$1" >/dev/null ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

portal_require_tools() {
  local pair cmd pkg missing=()
  for pair in "$@"; do
    cmd=${pair%%:*} pkg=${pair#*:}
    portal_have "$cmd" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "portal: installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "portal: could not install ${missing[*]}; the tests need them" >&2
    exit 1
  fi
  for pair in "$@"; do
    cmd=${pair%%:*}
    portal_have "$cmd" || { echo "portal: '$cmd' is still missing after installing its package" >&2; exit 1; }
  done
}
