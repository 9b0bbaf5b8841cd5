## この ことばに ついて（ことばの きりかえと、ページの lang に つかいます）

language-name = やさしい日本語
language-tag = ja
# 職員の画面は日本語（やさしい日本語の画面はありません）
language-staff = no
language-chooser = ことば
