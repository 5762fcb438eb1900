echo "unterminated $
echo \
  continued
x=1 y=2 env | sort
[ "$a" != "$b" ] && echo diff
if true; then :; fi
echo done;echo fi
echo "nested $(echo "inner ${x:-$(pwd)}")"
echo 'it'\''s'
a=${b:=default} c=${d:+alt} e=${f:?err}
echo ~/path ../rel /abs/path.sh
echo 10 20 > /dev/null
printf "%s\n" "π and é"
done
echo $
