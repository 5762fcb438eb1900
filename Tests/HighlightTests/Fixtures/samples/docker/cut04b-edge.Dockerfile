from alpine as base
Run apk add --no-cache bash
RUN set -eux; \
    for f in a b; do echo "$f"; done
# comment line
SHELL ["/bin/bash", 