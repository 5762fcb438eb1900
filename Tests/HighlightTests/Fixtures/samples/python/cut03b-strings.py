s1 = 'single \'escaped\' \n\t\\'
s2 = "double \"escaped\" \x41 \u00e9 \U0001F600 \N{BULLET} \101"
s3 = r'raw \d+\s*' + R"raw \n"
s4 = b'bytes\x00' + rb'raw bytes \n' + BR"X"
s5 = f'{name}: {value:{width}.{precision}f} {{literal}} {obj["key"]!s}'
s6 = f"nested {f'{x}'} and {a + b * 2} and {d['k']}"
s7 = u'unicode'
s8 = """triple
with 'single' and "double" quotes
and an