#!/bin/sh
# Baton's stand-in for cowsay (argoproj/argosay:v1, docker/whalesay) on hosts without it.
message="$*"
if [ -z "$message" ] && [ ! -t 0 ]; then
  message=$(cat)
fi
width=${#message}
line=$(printf '%*s' "$((width + 2))" '')
echo " $(printf '%s' "$line" | tr ' ' '_')"
echo "< $message >"
echo " $(printf '%s' "$line" | tr ' ' '-')"
cat <<'COW'
        \   ^__^
         \  (oo)\_______
            (__)\       )\/\
                ||----w |
                ||     ||
COW
