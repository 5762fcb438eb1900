target: dep1 \
        dep2, dep3 # comment
	echo "quoted \"string\"" 'single'
	$(MAKE) -C sub $${HOME} $$x
x = 'a' "b"
weird:: double colon
	@-echo at dash
no newline at end:
VAR = value