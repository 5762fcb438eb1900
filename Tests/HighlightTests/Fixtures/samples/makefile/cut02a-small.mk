install: deps
	npm c