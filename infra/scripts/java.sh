# Sourced by ./stack, ./sagactl and .ci/run: finds a JDK 21+ and sets JAVA and JAVA_HOME.

java_major() { # java binary -> its major version, or 0
  "$1" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]; found=1; exit} END {if (!found) print 0}'
}

find_java() { # JAVA_HOME first, then java on PATH, then the usual install folders, newest first
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null || true)" \
    $(ls -d /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java 2>/dev/null | sort -rV); do
    if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
      JAVA="$candidate"
      JAVA_HOME=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
      export JAVA_HOME
      return 0
    fi
  done
  echo "needs a JDK 21 or newer: install one, or point JAVA_HOME at it" >&2
  return 1
}
