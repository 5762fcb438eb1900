import Jekyll
