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
while read -r line; do
  count=$((count + 1))
  (( count % 2 == 0 )) && continue
  echo "$count: ${line##*/} ${#line} ${line/foo/bar}"
done < input.txt

until ping -c1 host &>/dev/null; do sleep 1; done
select opt in a b c; do break; done
function greet { echo "hi ${1^^}"; }
arr=(one two "three four")
echo "${arr[@]}" ${arr[0]} $# $? $$ $! $@ $* $1
x=`date +%s`
y=$(( 16#ff + 2 ** 3 ))
