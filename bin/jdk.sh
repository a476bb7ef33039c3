# Sourced by ./podsearch and .ci/run: exports JAVA_HOME as a JDK >= 21, or stops with a clear message.
# Looks at $JAVA_HOME, then the `java` on PATH, then every JDK under /usr/lib/jvm (newest first).

podsearch_jdk_version() { # prints the feature version of the JDK at $1, or 0
  local release="$1/release" version
  if [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    echo "${version:-0}"
  else
    echo 0
  fi
}

podsearch_find_jdk() {
  local candidates=() home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r home; do candidates+=("$home"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##' | sort -rV)
  fi
  for home in "${candidates[@]}"; do
    if [ "$(podsearch_jdk_version "$home")" -ge 21 ]; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

if ! PODSEARCH_JDK=$(podsearch_find_jdk); then
  echo "podsearch needs a JDK 21 or newer (Quarkus builds for release 21; OpenSearch 3 runs on 21+)." >&2
  echo "None found in \$JAVA_HOME, on PATH or under /usr/lib/jvm. Install one and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$PODSEARCH_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
