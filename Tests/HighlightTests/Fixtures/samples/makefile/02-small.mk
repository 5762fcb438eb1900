install: deps
	npm ci
deps:
	echo "$(filter-out a,$(LIST))"
