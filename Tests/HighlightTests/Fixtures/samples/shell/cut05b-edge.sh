echo "unterminated $
echo \
  continued
x=1 y=2 env | sort
[ "$a" != "$b" ] && echo diff
if true; then :; fi
echo done;echo fi
echo "nested $(echo "inner ${x:-$(pwd)}")"
echo 'it'\''s'
a=${b:=default} c=${d:+al