cat <<EOF > config.yml
name: $NAME
path: ${ROOT}/site
cost: \$5 and $(d