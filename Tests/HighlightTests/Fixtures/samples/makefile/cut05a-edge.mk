target: dep1 \
        dep2, dep3 # comment
	echo "quoted \"st