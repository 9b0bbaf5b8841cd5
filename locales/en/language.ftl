## About this language (the language chooser and the lang attribute of pages)

# The language's name, written in the language itself, for the chooser
language-name = English
# BCP 47 tag for the HTML lang attribute and the plural rules
language-tag = en
# Whether the staff screens exist in this language (no: they show Japanese)
language-staff = yes
# The label of the language chooser (for screen readers)
language-chooser = Language
