## この言語について（言語の切り替えと、ページの lang 属性に使います）

# 言語の切り替えに、その言語自身で書く名前
language-name = 日本語
# HTML の lang 属性と、複数形の規則に使う BCP 47 の言語タグ
language-tag = ja
# 職員の画面をこの言語で用意するか（no: 職員の画面は日本語で表示）
language-staff = yes
# 言語の切り替えの見出し（スクリーンリーダー向け）
language-chooser = 言語
