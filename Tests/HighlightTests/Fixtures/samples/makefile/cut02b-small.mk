install: deps
	npm ci
deps:
	echo "$(fil