case "$1" in
  start|run)
    echo "starting"
    ;;
  stop)
    kill -TERM "$(cat /var/run/app.pid)"
    ;;
  *)
    echo "usage: $0 {start|stop}" >&2
    exit 2
    ;;
esac

count=0
while 