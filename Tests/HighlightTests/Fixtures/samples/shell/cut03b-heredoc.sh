cat <<EOF > config.yml
name: $NAME
path: ${ROOT}/site
cost: \$5 and $(date)
EOF
cat <<-'END'
	literal $HOME
	END
cat << "DONE"
quoted
DONE
tr 