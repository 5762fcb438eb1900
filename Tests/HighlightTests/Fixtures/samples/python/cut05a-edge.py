données = {"clé": "valeur"}
π = 3.14159
def naïve(ä, ö):
    return ä + ö

class Ünicode: pass