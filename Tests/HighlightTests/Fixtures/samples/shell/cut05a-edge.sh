echo "unterminated $
echo \
  continued
x=1 y=2 env | sort
[ "$a" != "$b" ] && echo diff
if true; then :;