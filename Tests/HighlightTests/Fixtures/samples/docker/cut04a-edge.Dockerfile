from alpine as base
Run apk add --no-cache bash
RUN set -eux; \
    