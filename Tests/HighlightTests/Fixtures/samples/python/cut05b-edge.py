données = {"clé": "valeur"}
π = 3.14159
def naïve(ä, ö):
    return ä + ö

class Ünicode: pass
x = $y ? z
obj.class_ = obj.in
obj.print(obj.None)
def
class
@decorator.with_dots(1)
@ static