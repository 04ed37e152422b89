#!/bin/sh
# Fails when library code calls a banned function (CONVENTIONS.md, Habits).
hits=$(grep -rnE '\b(atoi|atol|sprintf|vsprintf|strcpy|strcat|gets|rand|srand|exit|abort)\s*\(' "$1" --include='*.c' --include='*.h' | grep -v '^\s*//' | grep -vE '(snprintf|vsnprintf|_exit)\(' )
if [ -n "$hits" ]; then echo "banned functions in the library:"; echo "$hits"; exit 1; fi
echo "ok: no banned functions"
